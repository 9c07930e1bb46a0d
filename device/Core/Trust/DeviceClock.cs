namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The "Time" rule of docs/PROTOCOL.md section 9. The ESP32 has no battery-backed clock, so after a
    /// reset it may read 1970 until network time arrives. A device whose clock is synchronised (SNTP
    /// answered) uses it as it is, and refuses a manifest issued more than <see cref="MaxClockSkewSeconds"/>
    /// ahead of it (C10). A device whose clock is not synchronised takes the later of its clock and the
    /// issued time of the last manifest it accepted: an unset clock can never make an expired document
    /// look fresh. A synchronised clock is never overridden by a stored issued time, so one manifest
    /// issued far in the future (a wrong build clock, a stolen key) cannot move a correct device's time.
    /// </summary>
    public static class DeviceClock
    {
        /// <summary>How far a manifest's issued time may be ahead of a synchronised device clock: one hour.</summary>
        public const long MaxClockSkewSeconds = 3600;

        /// <summary>The time (Unix seconds) to verify with: the clock, or the stored issued time when the clock is behind it.</summary>
        public static long EffectiveNow(long clockNow, long lastAcceptedIssued)
        {
            return IsSet(clockNow, lastAcceptedIssued) ? clockNow : lastAcceptedIssued;
        }

        /// <summary>The time to verify with: a synchronised clock as it is, else <see cref="EffectiveNow(long, long)"/>.</summary>
        public static long EffectiveNow(long clockNow, bool synchronized, long lastAcceptedIssued)
        {
            return synchronized ? clockNow : EffectiveNow(clockNow, lastAcceptedIssued);
        }

        /// <summary>The latest issued time C10 accepts: the synchronised clock plus the skew, or 2^53 - 1 when the clock is not synchronised.</summary>
        public static long MaxIssued(long clockNow, bool synchronized)
        {
            return synchronized ? clockNow + MaxClockSkewSeconds : Json.JsonReader.MaxInteger;
        }

        /// <summary>True when the clock is not earlier than the last accepted manifest's issued time.</summary>
        public static bool IsSet(long clockNow, long lastAcceptedIssued)
        {
            return clockNow >= lastAcceptedIssued;
        }
    }
}
