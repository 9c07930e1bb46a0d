namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// Wall-clock time in Unix seconds (SNTP on the device). The ESP32 has no battery-backed clock, so
    /// right after boot this may be far in the past; the core then applies PROTOCOL.md's clock rule.
    /// </summary>
    public interface IClock
    {
        long UtcNowSeconds { get; }

        /// <summary>
        /// True once the time came from a time source (SNTP answered since boot). A synchronised clock is
        /// trusted as it is and bounds how far ahead a manifest's issued time may be (C10); an
        /// unsynchronised one is never trusted below the last accepted issued time.
        /// </summary>
        bool IsSynchronized { get; }

        /// <summary>
        /// Milliseconds of a counter that only moves forward at the rate of real time and never jumps when the
        /// wall clock is set (Environment.TickCount64 on nanoFramework: uptime). Bounds a poll's duration and
        /// measures how long the device has gone without a newer manifest, whatever SNTP says.
        /// </summary>
        long MonotonicMilliseconds { get; }
    }
}
