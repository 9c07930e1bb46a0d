using System;
using System.Threading;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Esp32.Loader.Portable;

namespace SecureOta.Device.Esp32.Loader
{
    /// <summary>
    /// Polls the channel for ever, whatever runs (or does not run) beside it: a device whose slots are
    /// both unusable still installs the next release. Every poll is the core's UpdateClient.Poll
    /// (one conditional GET when nothing changed); when it stages a release it reboots the device
    /// itself. A failed poll is retried sooner than a successful one is repeated; a random tenth is
    /// added so a fleet does not poll in step.
    /// </summary>
    internal sealed class UpdateLoop
    {
        /// <summary>Seconds before a failed poll (network, server, flash) is retried, at most the poll interval.</summary>
        public const int RetrySeconds = 300;

        private const int NetworkWaitMilliseconds = 60000;

        private readonly UpdateClient _client;
        private readonly LoaderSettings _settings;
        private readonly Random _jitter = new Random();

        public UpdateLoop(UpdateClient client, LoaderSettings settings)
        {
            if (client == null) throw new ArgumentNullException("client");
            if (settings == null) throw new ArgumentNullException("settings");
            _client = client;
            _settings = settings;
        }

        /// <summary>Never returns.</summary>
        public void Run()
        {
            while (true)
            {
                bool succeeded = false;
                if (WifiStation.Address() == null && !WifiStation.WaitForAddress(NetworkWaitMilliseconds))
                {
                    LoaderLog.Info("no Wi-Fi connection; the poll waits");
                }
                else
                {
                    succeeded = PollOnce();
                }
                int seconds = succeeded || _settings.PollSeconds < RetrySeconds ? _settings.PollSeconds : RetrySeconds;
                seconds += _jitter.Next(seconds / 10 + 1);
                Thread.Sleep(seconds * 1000);
            }
        }

        private bool PollOnce()
        {
            try
            {
                UpdateReport report = _client.Poll();
                LoaderLog.Info("poll: " + report.ToString());
                return report.Succeeded;
            }
            catch (Exception e)
            {
                // Poll reports everything a server or the flash does; an exception here is a bug, and the
                // loop survives it so the device stays updatable.
                LoaderLog.Info("poll failed unexpectedly: " + FailureText.Describe(e));
                return false;
            }
        }
    }
}
