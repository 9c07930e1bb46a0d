using System;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Esp32.Portable;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// The device's settings, from provision.json on the flash drive (put there with nanoff's file
    /// deployment, README.md "Provisioning"). It names the site and channel and tunes the loader; the
    /// trust anchors are not here but in the signed root metadata (provision.root.json). Parsed with
    /// the core's strict JSON reader. Portable: host-tested.
    /// </summary>
    public sealed class LoaderSettings
    {
        public const string FileName = "provision.json";
        public const int MaxFileSize = 4096;

        public const long DefaultSlotCapacity = 96 * 1024;
        public const long DefaultMaxTrialBoots = 3;
        public const long DefaultPollSeconds = 3600;
        public const long DefaultTrialConfirmSeconds = 300;

        private LoaderSettings()
        {
        }

        /// <summary>The site's OTA base URL, https and ending in '/' ("https://owner.github.io/repo/ota/v2/").</summary>
        public string SiteBaseUrl { get; private set; }

        /// <summary>The channel the device follows ("stable").</summary>
        public string Channel { get; private set; }

        /// <summary>Security version of the release the provisioned first image belongs to.</summary>
        public long SecurityVersion { get; private set; }

        /// <summary>Largest image per slot, bytes: what the drive holds for each of two slots beside the state files.</summary>
        public long SlotCapacity { get; private set; }

        /// <summary>Boots a trial image gets to confirm before the loader reverts it.</summary>
        public int MaxTrialBoots { get; private set; }

        /// <summary>Seconds between polls of the channel manifest.</summary>
        public int PollSeconds { get; private set; }

        /// <summary>Seconds a trial image gets to call Confirm before the loader reboots (using up one trial boot).</summary>
        public int TrialConfirmSeconds { get; private set; }

        /// <summary>Wi-Fi network to store as the station configuration, or null to keep the one the firmware has.</summary>
        public string WifiSsid { get; private set; }

        /// <summary>Its passphrase ("" for an open network); null exactly when <see cref="WifiSsid"/> is.</summary>
        public string WifiPassword { get; private set; }

        /// <summary>Parses provision.json; null with the first problem in <paramref name="problem"/> when it is not valid.</summary>
        public static LoaderSettings Parse(byte[] json, int count, out string problem)
        {
            if (json == null) throw new ArgumentNullException("json");
            if (count < 0 || count > json.Length) throw new ArgumentOutOfRangeException("count");
            problem = null;
            if (count > MaxFileSize)
            {
                problem = FileName + " is " + count + " bytes; at most " + MaxFileSize + " are read";
                return null;
            }
            object document;
            string reason;
            if (!JsonReader.TryParse(json, 0, count, out document, out reason))
            {
                problem = FileName + " is not valid JSON: " + reason;
                return null;
            }
            JsonObject top = document as JsonObject;
            if (top == null)
            {
                problem = FileName + " must hold a JSON object";
                return null;
            }

            JsonObjectReader reader = new JsonObjectReader(top, "");
            LoaderSettings settings = new LoaderSettings();
            settings.SiteBaseUrl = reader.RequireString("siteUrl");
            settings.Channel = reader.RequireString("channel");
            settings.SecurityVersion = reader.RequireInteger("securityVersion", 0, 4294967295);
            settings.SlotCapacity = Optional(reader, "slotCapacity", DefaultSlotCapacity, 4096, 16777216);
            settings.MaxTrialBoots = (int)Optional(reader, "maxTrialBoots", DefaultMaxTrialBoots, 1, 255);
            settings.PollSeconds = (int)Optional(reader, "pollSeconds", DefaultPollSeconds, 60, 604800);
            settings.TrialConfirmSeconds = (int)Optional(reader, "trialConfirmSeconds", DefaultTrialConfirmSeconds, 10, 86400);
            ReadWifi(reader, settings);
            if (reader.Failed)
            {
                problem = FileName + ": " + reader.Reason;
                return null;
            }
            problem = Check(settings);
            return problem == null ? settings : null;
        }

        private static string Check(LoaderSettings settings)
        {
            string urlProblem = SiteUrl.CheckBase(settings.SiteBaseUrl);
            if (urlProblem != null) return FileName + ": siteUrl: " + urlProblem;
            if (!IsChannelName(settings.Channel))
                return FileName + ": channel must be 1 to 32 of a-z, 0-9 and '-' (releases/channels.json's rule)";
            if (settings.WifiSsid != null && (settings.WifiSsid.Length < 1 || settings.WifiSsid.Length > 32))
                return FileName + ": wifiSsid must have 1 to 32 characters";
            if (settings.WifiPassword != null && settings.WifiPassword.Length > 64)
                return FileName + ": wifiPassword must have at most 64 characters";
            return null;
        }

        private static bool IsChannelName(string channel)
        {
            if (channel.Length < 1 || channel.Length > 32) return false;
            for (int i = 0; i < channel.Length; i++)
            {
                char c = channel[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
            }
            return true;
        }

        private static long Optional(JsonObjectReader reader, string name, long fallback, long min, long max)
        {
            return reader.Object.Contains(name) ? reader.RequireInteger(name, min, max) : fallback;
        }

        private static void ReadWifi(JsonObjectReader reader, LoaderSettings settings)
        {
            bool hasSsid = reader.Object.Contains("wifiSsid");
            bool hasPassword = reader.Object.Contains("wifiPassword");
            if (!hasSsid && !hasPassword) return;
            if (!hasSsid || !hasPassword)
            {
                reader.Fail("wifiSsid and wifiPassword go together");
                return;
            }
            settings.WifiSsid = reader.RequireString("wifiSsid");
            settings.WifiPassword = reader.RequireString("wifiPassword");
        }
    }
}
