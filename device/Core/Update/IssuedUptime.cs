using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// A lower bound on the time that needs no clock: the last accepted manifest was issued before this boot
    /// first saw it as the last accepted one, so now is at least its issued time plus the monotonic uptime
    /// since then. A device whose clock SNTP never set (or set to 1970) thus still sees a frozen channel's
    /// manifest expire once it has run for longer than the manifest's lifetime without a newer issued time
    /// (docs/PROTOCOL.md section 9, "Time"). Kept in RAM: a reboot starts the count again, so a device that
    /// reboots more often than the manifest lifetime, with no clock, does not notice (docs/SECURITY.md limits).
    /// </summary>
    internal sealed class IssuedUptime
    {
        private long _issued = -1;
        private long _seenAt;

        /// <summary>Unix seconds now is at least: <paramref name="lastIssued"/> plus the uptime since this boot first saw it.</summary>
        internal long Floor(long lastIssued, long monotonicMilliseconds)
        {
            if (lastIssued != _issued)
            {
                _issued = lastIssued;
                _seenAt = monotonicMilliseconds;
            }
            return lastIssued + (monotonicMilliseconds - _seenAt) / 1000;
        }

        /// <summary>The time a poll verifies with (PROTOCOL.md section 9, "Time"): see <see cref="DeviceClock"/>.</summary>
        internal long EffectiveNow(IClock clock, long lastIssued)
        {
            long now = DeviceClock.EffectiveNow(clock.UtcNowSeconds, clock.IsSynchronized, lastIssued);
            // A synchronised clock is used as it is (DeviceClock); an unsynchronised one is also held to the uptime floor.
            if (clock.IsSynchronized) return now;
            long floor = Floor(lastIssued, clock.MonotonicMilliseconds);
            return floor > now ? floor : now;
        }
    }
}
