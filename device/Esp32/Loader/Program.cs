using System;
using System.Threading;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Esp32.Loader.Portable;

namespace SecureOta.Device.Esp32.Loader
{
    /// <summary>
    /// The loader: the one application deployed to the ESP32's deployment area, started by the
    /// firmware at every boot. All decisions are the portable core's (BootManager, DeviceProvisioner,
    /// DeviceKeyStore, UpdateClient); this class only orders the steps of a boot:
    /// settings, Wi-Fi configuration, boot decision (provisioning first if needed), start of the chosen
    /// application, the trial watch, network and clock, the device key, then polling for ever.
    /// </summary>
    public static class Program
    {
        private const int NetworkWaitMilliseconds = 60000;
        private const int ClockWaitMilliseconds = 60000;
        private const int FailureRebootDelayMilliseconds = 30000;

        public static void Main()
        {
            try
            {
                Boot();
            }
            catch (Exception e)
            {
                // A loader bug or a flash failure: restart after a pause rather than stop updating. A
                // trial boot in progress was already counted, so a loop of these still reverts.
                LoaderLog.Info("loader failed: " + FailureText.Describe(e) + "; restarting in " + FailureRebootDelayMilliseconds / 1000 + " s");
                Thread.Sleep(FailureRebootDelayMilliseconds);
                new NanoRebooter().Reboot();
            }
        }

        private static void Boot()
        {
            LittleFsFileStore files = new LittleFsFileStore(LittleFsFileStore.InternalDrive);
            string problem;
            byte[] json = FileBytes.Read(files, LoaderSettings.FileName, LoaderSettings.MaxFileSize, out problem);
            LoaderSettings settings = json == null ? null : LoaderSettings.Parse(json, json.Length, out problem);
            if (settings == null) Halt(problem + "; deploy " + LoaderSettings.FileName + " (README.md, Provisioning) and reset the device");

            NanoHmacSha256 hmac = new NanoHmacSha256();
            // Before the boot decision, so that the reboot a new Wi-Fi configuration needs never counts as a trial boot.
            if (settings.WifiSsid != null && !AppliedWifiSettings.IsApplied(files, hmac, settings.WifiSsid, settings.WifiPassword))
            {
                WifiStation.Store(settings.WifiSsid, settings.WifiPassword);
                AppliedWifiSettings.Remember(files, hmac, settings.WifiSsid, settings.WifiPassword);
                LoaderLog.Info("Wi-Fi configuration for \"" + settings.WifiSsid + "\" stored; restarting to connect");
                new NanoRebooter().Reboot();
                return;
            }

            FileSlotStore slots = new FileSlotStore(files, settings.SlotCapacity);
            BootManager boot = new BootManager(files, hmac, slots, settings.MaxTrialBoots);
            BootDecision decision = boot.Boot();
            if (decision.Outcome == BootOutcome.NotProvisioned)
            {
                if (!FirstBootProvisioning.Run(files, hmac, slots, settings)) Halt("the device is not provisioned");
                decision = boot.Boot();
            }
            LoaderLog.Info("boot: " + OutcomeName(decision.Outcome) + ", slot " + SlotImageVerifier.Name(decision.Slot) +
                (decision.Problem == null ? "" : "; " + decision.Problem));

            StartApplication(files, hmac, slots, boot, decision, settings);

            if (!WifiStation.WaitForAddress(NetworkWaitMilliseconds)) LoaderLog.Info("no Wi-Fi connection yet; waiting for it");
            while (WifiStation.Address() == null) WifiStation.WaitForAddress(NetworkWaitMilliseconds);
            SntpClock clock = new SntpClock();
            if (!clock.Synchronize(ClockWaitMilliseconds))
                LoaderLog.Info("SNTP has not set the clock yet; TLS refuses certificates until it does, and polls retry");

            HardwareEntropy entropy = new HardwareEntropy();
            entropy.RadioIsOn = true;
            RecipientKey deviceKey = DeviceIdentity.LoadOrCreate(files, hmac, entropy);

            NanoHttpTransport transport = new NanoHttpTransport(settings.SiteBaseUrl,
                NanoHttpTransport.DefaultResponseTimeoutMilliseconds, NanoHttpTransport.DefaultReadTimeoutMilliseconds);
            DevicePlatform platform = new DevicePlatform(transport, files, slots, hmac, new NanoAes128(), clock, new NanoRebooter());
            UpdateClientOptions options = new UpdateClientOptions(settings.Channel, new RecipientKey[] { deviceKey });
            options.RootChanged = new TrustedRootHandler(transport.UsePinnedAnchors);
            new UpdateLoop(new UpdateClient(platform, options), settings).Run();
        }

        // Starts the chosen image; a trial must confirm in time or the device reboots (using up the attempt).
        private static void StartApplication(LittleFsFileStore files, NanoHmacSha256 hmac, FileSlotStore slots, BootManager boot,
            BootDecision decision, LoaderSettings settings)
        {
            if (!decision.ShouldRun)
            {
                LoaderLog.Info("no application runs; polling for an update");
                return;
            }
            long deadline = Environment.TickCount64 + settings.TrialConfirmSeconds * 1000L;
            string problem;
            AppLauncher application = AppLauncher.TryStart(slots, decision, boot, out problem);
            if (application == null) LoaderLog.Info(problem);
            if (decision.Outcome != BootOutcome.RunTrial) return;

            if (TrialWatch.WaitForConfirmation(files, hmac, application, deadline))
            {
                LoaderLog.Info("the trial image confirmed itself");
                return;
            }
            LoaderLog.Info("the trial image did not confirm (" + (application == null ? problem :
                application.Failure != null ? application.Failure : "no confirmation within " + settings.TrialConfirmSeconds + " s") +
                "); rebooting, which uses up this trial boot");
            new NanoRebooter().Reboot();
            Thread.Sleep(Timeout.Infinite);
        }

        private static void Halt(string reason)
        {
            LoaderLog.Info(reason);
            Thread.Sleep(Timeout.Infinite);
        }

        // Spelled out: nanoFramework's Enum.ToString may print only the number.
        private static string OutcomeName(BootOutcome outcome)
        {
            switch (outcome)
            {
                case BootOutcome.RunConfirmed: return "run confirmed image";
                case BootOutcome.RunTrial: return "run trial image";
                case BootOutcome.RunReverted: return "trial reverted, run confirmed image";
                case BootOutcome.NoBootableImage: return "no bootable image";
                case BootOutcome.NotProvisioned: return "not provisioned";
                default: return "outcome " + (int)outcome;
            }
        }
    }
}
