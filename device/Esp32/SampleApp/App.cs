using System;
using System.Threading;
using SecureOta.Device.Core.Boot;

namespace SecureOta.Device.Esp32.SampleApp
{
    /// <summary>
    /// A sample application image. The loader starts it by calling <see cref="Run"/> with its
    /// BootManager (the entry contract of an app bundle, see README.md). On a trial boot the
    /// application proves itself healthy first and only then calls Confirm through the shared core,
    /// which makes its slot the active one; an application that is not healthy simply does not
    /// confirm, and the loader reverts it after the configured number of boots.
    /// </summary>
    public static class App
    {
        /// <summary>Version text of this sample build, printed so a test run shows which image runs.</summary>
        public const string Version = "sample 1.0";

        private const int WorkIntervalMilliseconds = 10000;

        /// <summary>The entry point the loader invokes on its own thread.</summary>
        public static void Run(BootManager boot)
        {
            if (boot == null) throw new ArgumentNullException("boot");
            Console.WriteLine("[app] " + Version + " starting");

            string problem = HealthCheck.Run();
            if (problem != null)
            {
                // Not confirming is the whole signal: the loader's trial watch reboots, and reverts after the last attempt.
                Console.WriteLine("[app] health check failed: " + problem + "; not confirming");
                return;
            }

            ConfirmOutcome outcome = boot.Confirm();
            Console.WriteLine("[app] health check passed; confirm: " + ConfirmName(outcome));
            while (true)
            {
                // The application's own work would run here.
                Thread.Sleep(WorkIntervalMilliseconds);
            }
        }

        private static string ConfirmName(ConfirmOutcome outcome)
        {
            switch (outcome)
            {
                case ConfirmOutcome.Confirmed: return "this image is now the confirmed one";
                case ConfirmOutcome.NothingToConfirm: return "nothing to confirm (already confirmed)";
                case ConfirmOutcome.NotProvisioned: return "the device has no boot state";
                case ConfirmOutcome.StorageFailed: return "the confirmation could not be written; the trial continues";
                default: return "outcome " + (int)outcome;
            }
        }
    }
}
