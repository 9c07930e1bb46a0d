namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The "Time" rule of docs/PROTOCOL.md section 9. The ESP32 has no battery-backed clock, so after a
    /// reset it may read 1970 until network time arrives. A clock earlier than the issued time of the
    /// last manifest the device accepted is not set, and that stored issued time is used instead: an
    /// unset clock can never make an expired document look fresh.
    /// </summary>
    public static class DeviceClock
    {
        /// <summary>The time (Unix seconds) to verify with: the clock, or the stored issued time when the clock is behind it.</summary>
        public static long EffectiveNow(long clockNow, long lastAcceptedIssued)
        {
            return IsSet(clockNow, lastAcceptedIssued) ? clockNow : lastAcceptedIssued;
        }

        /// <summary>True when the clock is not earlier than the last accepted manifest's issued time.</summary>
        public static bool IsSet(long clockNow, long lastAcceptedIssued)
        {
            return clockNow >= lastAcceptedIssued;
        }
    }
}
