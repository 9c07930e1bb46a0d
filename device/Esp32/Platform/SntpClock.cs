using System;
using System.Threading;
using nanoFramework.Networking;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Esp32.Portable;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IClock"/> from the system clock, which nanoFramework.Networking.Sntp keeps set (it
    /// re-synchronises periodically once started). The ESP32 has no battery-backed clock, so after a
    /// reset the time is wrong until SNTP answers; TLS checks certificate dates, so the loader calls
    /// <see cref="Synchronize"/> before the first HTTPS request. Until then the core's clock rule
    /// (PROTOCOL.md section 9, "Time") keeps expired documents out.
    /// </summary>
    public sealed class SntpClock : IClock
    {
        private const int PollMilliseconds = 250;
        private bool _synchronized;

        public long UtcNowSeconds
        {
            get { return UnixTime.Seconds(DateTime.UtcNow); }
        }

        /// <summary>
        /// True once <see cref="Synchronize"/> saw SNTP set the clock in this boot: only then does the core
        /// trust the clock over the stored issued time and refuse manifests issued ahead of it (C10).
        /// </summary>
        public bool IsSynchronized
        {
            get { return _synchronized; }
        }

        /// <summary>Milliseconds since boot (Environment.TickCount64): SNTP setting the wall clock never moves it.</summary>
        public long MonotonicMilliseconds
        {
            get { return Environment.TickCount64; }
        }

        /// <summary>True once the clock reads a plausible, SNTP-set time.</summary>
        public bool IsSet
        {
            get { return UnixTime.IsSet(DateTime.UtcNow); }
        }

        /// <summary>
        /// Starts the SNTP client (if the firmware has not) and asks for an update now; waits up to
        /// <paramref name="timeoutMilliseconds"/> for the clock to be set. False when it is still unset.
        /// </summary>
        public bool Synchronize(int timeoutMilliseconds)
        {
            if (!Sntp.IsStarted) Sntp.Start();
            Sntp.UpdateNow();
            long deadline = Environment.TickCount64 + timeoutMilliseconds;
            while (!IsSet)
            {
                if (Environment.TickCount64 >= deadline) return false;
                Thread.Sleep(PollMilliseconds);
            }
            _synchronized = true;
            return true;
        }
    }
}
