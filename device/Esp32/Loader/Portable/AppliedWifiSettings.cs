using System;
using System.IO;
using System.Text;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// Remembers which Wi-Fi settings of provision.json were last stored in the firmware's station
    /// configuration, as HMAC("SecureOta/esp32/wifi-settings", ssid || 0 || password) in wifi.applied,
    /// so the loader stores them (and reboots) once per change. The firmware's configuration need not
    /// hand the password back, so it cannot be compared against. The digest protects nothing (the
    /// password is in the firmware's configuration on the same flash); it only avoids keeping a copy.
    /// Portable: host-tested.
    /// </summary>
    public static class AppliedWifiSettings
    {
        public const string FileName = "wifi.applied";

        private const int DigestSize = 32;
        private static readonly byte[] Key = Encoding.UTF8.GetBytes("SecureOta/esp32/wifi-settings");

        /// <summary>True when these settings are the ones last stored. Storage failures throw IOException.</summary>
        public static bool IsApplied(IFileStore files, IHmacSha256 hmac, string ssid, string password)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (files.Length(FileName) != DigestSize) return false;
            byte[] stored = new byte[DigestSize];
            Stream stream = files.OpenRead(FileName);
            try
            {
                StreamReads.Fill(stream, stored, 0, DigestSize);
            }
            finally
            {
                stream.Dispose();
            }
            return ConstantTime.AreEqual(stored, 0, Digest(hmac, ssid, password), 0, DigestSize);
        }

        /// <summary>Records these settings as stored. Storage failures throw IOException.</summary>
        public static void Remember(IFileStore files, IHmacSha256 hmac, string ssid, string password)
        {
            if (files == null) throw new ArgumentNullException("files");
            byte[] digest = Digest(hmac, ssid, password);
            Stream stream = files.OpenWrite(FileName, false);
            try
            {
                stream.Write(digest, 0, digest.Length);
            }
            finally
            {
                stream.Dispose();
            }
        }

        private static byte[] Digest(IHmacSha256 hmac, string ssid, string password)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (ssid == null) throw new ArgumentNullException("ssid");
            if (password == null) throw new ArgumentNullException("password");
            byte[] name = Encoding.UTF8.GetBytes(ssid);
            byte[] secret = Encoding.UTF8.GetBytes(password);
            byte[] input = new byte[name.Length + 1 + secret.Length];
            Array.Copy(name, 0, input, 0, name.Length);
            Array.Copy(secret, 0, input, name.Length + 1, secret.Length);
            byte[] digest = new byte[DigestSize];
            hmac.Compute(Key, input, 0, input.Length, digest, 0);
            Array.Clear(input, 0, input.Length);
            Array.Clear(secret, 0, secret.Length);
            return digest;
        }
    }
}
