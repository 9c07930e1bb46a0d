using System;
using System.IO;
using System.Text;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The device's own X25519 recipient key (docs/PROTOCOL.md section 8), generated on the device at
    /// its first boot so the private key never exists anywhere else. Stored as device.key: the 32-byte
    /// private key followed by HMAC("SecureOta/v1/device-key", key), so a torn first write or a damaged
    /// file is recognised. The key is stored before its public key is shown to anyone, so a key that
    /// was never stored completely was never registered either, and replacing it loses nothing.
    /// </summary>
    public sealed class DeviceKeyStore
    {
        public const string FileName = "device.key";

        private const int KeySize = 32;
        private const int FileSize = KeySize + DigestKeys.DigestSize;
        private static readonly byte[] CheckKey = Encoding.UTF8.GetBytes("SecureOta/v1/device-key");

        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly IEntropySource _entropy;

        public DeviceKeyStore(IFileStore files, IHmacSha256 hmac, IEntropySource entropy)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (entropy == null) throw new ArgumentNullException("entropy");
            _files = files;
            _hmac = hmac;
            _entropy = entropy;
        }

        /// <summary>Loads the stored key, or generates and stores one; storage failures throw IOException.</summary>
        public RecipientKey LoadOrCreate(out DeviceKeyOutcome outcome)
        {
            byte[] file = new byte[FileSize + 1];
            bool present = _files.Exists(FileName);
            if (present && Read(file) == FileSize && CheckOk(file))
            {
                outcome = DeviceKeyOutcome.Loaded;
                return Finish(file);
            }
            _entropy.Fill(file, 0, KeySize);
            _hmac.Compute(CheckKey, file, 0, KeySize, file, KeySize);
            Stream stream = _files.OpenWrite(FileName, false);
            try
            {
                stream.Write(file, 0, FileSize);
                stream.Flush();
            }
            finally
            {
                stream.Dispose();
            }
            outcome = present ? DeviceKeyOutcome.Replaced : DeviceKeyOutcome.Created;
            return Finish(file);
        }

        private RecipientKey Finish(byte[] file)
        {
            byte[] key = new byte[KeySize];
            Array.Copy(file, 0, key, 0, KeySize);
            Array.Clear(file, 0, file.Length);
            RecipientKey recipient = new RecipientKey(key);
            Array.Clear(key, 0, key.Length);
            return recipient;
        }

        private bool CheckOk(byte[] file)
        {
            byte[] mac = new byte[DigestKeys.DigestSize];
            _hmac.Compute(CheckKey, file, 0, KeySize, mac, 0);
            return ConstantTime.AreEqual(mac, 0, file, KeySize, DigestKeys.DigestSize);
        }

        private int Read(byte[] file)
        {
            int count = 0;
            Stream stream = _files.OpenRead(FileName);
            try
            {
                while (count < file.Length)
                {
                    int read = stream.Read(file, count, file.Length - count);
                    if (read <= 0) break;
                    count += read;
                }
            }
            finally
            {
                stream.Dispose();
            }
            return count;
        }
    }
}
