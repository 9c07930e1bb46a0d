using System;
using System.Net.NetworkInformation;
using System.Threading;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// The ESP32's Wi-Fi station through nanoFramework.System.Net's NetworkInterface and
    /// Wireless80211Configuration, the configuration the firmware connects with at start-up. The
    /// credentials live in that native configuration block (as set by Visual Studio's device
    /// explorer or by <see cref="Store"/> from the provisioning file), not in the loader.
    /// </summary>
    public static class WifiStation
    {
        private const string NoAddress = "0.0.0.0";
        private const int PollMilliseconds = 500;

        /// <summary>
        /// Stores <paramref name="ssid"/> and <paramref name="password"/> as the station configuration,
        /// with automatic connection. The firmware connects with it from its next start, so the caller
        /// reboots. (The caller decides whether to store at all: the firmware need not hand the stored
        /// password back, so comparing against it could reboot for ever.)
        /// </summary>
        public static void Store(string ssid, string password)
        {
            if (ssid == null) throw new ArgumentNullException("ssid");
            if (password == null) throw new ArgumentNullException("password");
            Wireless80211Configuration configuration = StationConfiguration();
            if (configuration == null) throw new InvalidOperationException("this firmware has no Wi-Fi station interface");
            configuration.Ssid = ssid;
            configuration.Password = password;
            configuration.Options = Wireless80211Configuration.ConfigurationOptions.AutoConnect | Wireless80211Configuration.ConfigurationOptions.Enable;
            configuration.SaveConfiguration();
        }

        /// <summary>The station's IPv4 address, or null while it has none.</summary>
        public static string Address()
        {
            NetworkInterface station = StationInterface();
            if (station == null) return null;
            string address = station.IPv4Address;
            return address == null || address.Length == 0 || address == NoAddress ? null : address;
        }

        /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for an IPv4 address; true once there is one.</summary>
        public static bool WaitForAddress(int timeoutMilliseconds)
        {
            long deadline = Environment.TickCount64 + timeoutMilliseconds;
            while (Address() == null)
            {
                if (Environment.TickCount64 >= deadline) return false;
                Thread.Sleep(PollMilliseconds);
            }
            return true;
        }

        // Interfaces are snapshots of native state: fetched afresh on every call.
        private static NetworkInterface StationInterface()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211) return interfaces[i];
            }
            return null;
        }

        private static Wireless80211Configuration StationConfiguration()
        {
            NetworkInterface station = StationInterface();
            if (station == null) return null;
            Wireless80211Configuration[] configurations = Wireless80211Configuration.GetAllWireless80211Configurations();
            uint index = station.SpecificConfigId;
            return index < configurations.Length ? configurations[index] : null;
        }
    }
}
