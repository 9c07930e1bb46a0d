using System;

namespace SecureOta.Device.Esp32.Portable
{
    /// <summary>
    /// Unix seconds from the device's UTC clock, by difference of ticks, so it does not depend on the
    /// epoch a runtime counts its ticks from. Portable: host-tested.
    /// </summary>
    public static class UnixTime
    {
        /// <summary>
        /// 2025-01-01T00:00:00Z. The ESP32 has no battery-backed clock: a clock earlier than this has
        /// not been set by SNTP yet (this firmware did not exist before it).
        /// </summary>
        public const long ClockSetFloor = 1735689600;

        private static readonly long EpochTicks = new DateTime(1970, 1, 1, 0, 0, 0).Ticks;

        /// <summary>Whole seconds from 1970-01-01T00:00:00Z to <paramref name="utc"/>.</summary>
        public static long Seconds(DateTime utc)
        {
            return (utc.Ticks - EpochTicks) / TimeSpan.TicksPerSecond;
        }

        /// <summary>True when <paramref name="utc"/> is a plausible, SNTP-set time.</summary>
        public static bool IsSet(DateTime utc)
        {
            return Seconds(utc) >= ClockSetFloor;
        }
    }
}
