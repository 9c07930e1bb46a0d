using System;
using System.Text;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// The report MAC key (docs/PROTOCOL.md section 11d.1): Z = X25519(device private key, collector public
    /// key); macKey = HKDF-SHA256(ikm = Z, salt = collector public || device public, info =
    /// "SecureOta/v2/report-mac", L = 32). The collector computes the same from its private key and the
    /// device's registered public key. One X25519 (about 1.9 million IL instructions on the interpreter), so
    /// the device derives it once per collector key and keeps it with the report state.
    /// </summary>
    public static class ReportMacKey
    {
        public const int Size = 32;

        public static readonly byte[] Info = Encoding.UTF8.GetBytes("SecureOta/v2/report-mac");

        /// <summary>
        /// The MAC key for <paramref name="device"/> and <paramref name="collectorKey"/>; false (and null) when
        /// Z is all zero: the collector key is a low-order point and no secret would be shared.
        /// </summary>
        public static bool TryDerive(IHmacSha256 hmac, RecipientKey device, byte[] collectorKey, out byte[] macKey)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (device == null) throw new ArgumentNullException("device");
            if (collectorKey == null || collectorKey.Length != X25519.Size) throw new ArgumentException("a collector key is 32 bytes", "collectorKey");
            macKey = null;
            byte[] shared = new byte[X25519.Size];
            try
            {
                device.Agree(collectorKey, shared);
                if (ConstantTime.IsZero(shared, 0, shared.Length)) return false;
                byte[] salt = new byte[2 * X25519.Size];
                Array.Copy(collectorKey, 0, salt, 0, X25519.Size);
                Array.Copy(device.PublicKey, 0, salt, X25519.Size, X25519.Size);
                macKey = Hkdf.DeriveKey(hmac, shared, salt, Info, Size);
                return true;
            }
            finally
            {
                Array.Clear(shared, 0, shared.Length);
            }
        }
    }
}
