using System;
using System.Threading;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32.Loader
{
    /// <summary>
    /// Watches a trial boot. The attempt was counted before the image started; the image confirms
    /// itself through BootManager.Confirm after its health check. This waits until the confirmation is
    /// on flash, or the application failed, or its time is up. Without a confirmation the loader
    /// reboots, which uses up the attempt: after the last one the boot manager reverts. (There is no
    /// managed watchdog; an image that hangs the whole device is caught by the next power cycle, which
    /// also counts.) Nothing else writes the boot state meanwhile: polling starts only afterwards.
    /// </summary>
    internal static class TrialWatch
    {
        private const int PollMilliseconds = 2000;

        /// <summary>True once the stored state is Confirmed; false when the application failed or the deadline passed first.</summary>
        public static bool WaitForConfirmation(IFileStore files, IHmacSha256 hmac, AppLauncher application, long deadlineTicks)
        {
            BootStateStore store = new BootStateStore(files, hmac);
            BootState state = new BootState();
            while (true)
            {
                // Read from flash, not from the application's BootManager: only a stored confirmation counts.
                if (store.Load(state) != BootStateSource.None && state.Phase == UpdatePhase.Confirmed) return true;
                if (application == null || application.Failure != null) return false;
                if (Environment.TickCount64 >= deadlineTicks) return false;
                Thread.Sleep(PollMilliseconds);
            }
        }
    }
}
