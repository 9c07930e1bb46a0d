using System;
using System.Net.NetworkInformation;
using System.Threading;

namespace SecureOta.Device.Esp32.SampleApp
{
    /// <summary>
    /// The sample's health check: what this application needs to do its job must work before it
    /// confirms the image. Here that is a working network (an IPv4 address within a minute) and a
    /// managed heap with room left; a real application adds its own sensors, peripherals and services.
    /// </summary>
    internal static class HealthCheck
    {
        private const int NetworkWaitMilliseconds = 60000;
        private const int PollMilliseconds = 500;
        private const int MinFreeHeapBytes = 16 * 1024;

        /// <summary>Null when healthy, otherwise what is wrong.</summary>
        public static string Run()
        {
            if (!WaitForNetwork()) return "no IPv4 address within " + NetworkWaitMilliseconds / 1000 + " s";
            // nanoFramework.Runtime.Native.GC.Run(true) compacts and returns the free managed heap in bytes.
            uint free = nanoFramework.Runtime.Native.GC.Run(true);
            if (free < MinFreeHeapBytes) return "only " + free + " bytes of managed heap free";
            return null;
        }

        private static bool WaitForNetwork()
        {
            long deadline = Environment.TickCount64 + NetworkWaitMilliseconds;
            while (Environment.TickCount64 < deadline)
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    string address = interfaces[i].IPv4Address;
                    if (address != null && address.Length > 0 && address != "0.0.0.0") return true;
                }
                Thread.Sleep(PollMilliseconds);
            }
            return false;
        }
    }
}
