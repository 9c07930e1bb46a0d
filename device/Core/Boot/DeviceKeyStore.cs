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
    /// <para>
    /// Its public key and id (X25519 and SHA-256: about two million IL instructions on the interpreter) are
    /// derived once and kept in device.pub: public key, id, and HMAC-SHA256 of both under
    /// HKDF-SHA256(private key, info "SecureOta/v1/device-public"), so a boot loads them with native HMACs.
    /// device.key stays the authority: device.pub is written after it, and one that is missing, torn, damaged
    /// or made for another key fails its tag and is derived and written again.
    /// </para>
    /// </summary>
    public sealed class DeviceKeyStore
    {
        public const string FileName = "device.key";

        /// <summary>The stored public key and id of device.key's key, tagged (see above).</summary>
        public const string PublicFileName = "device.pub";

        private const int KeySize = 32;
        private const int FileSize = KeySize + DigestKeys.DigestSize;
        private const int PublicFileSize = 2 * KeySize + DigestKeys.DigestSize;
        private static readonly byte[] CheckKey = Encoding.UTF8.GetBytes("SecureOta/v1/device-key");
        private static readonly byte[] PublicTagLabel = Encoding.UTF8.GetBytes("SecureOta/v1/device-public");

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
            if (present && Read(FileName, file) == FileSize && CheckOk(file))
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
            byte[] tagKey = Hkdf.DeriveKey(_hmac, key, null, PublicTagLabel, DigestKeys.DigestSize);
            try
            {
                RecipientKey recipient = LoadPublic(key, tagKey);
                if (recipient != null) return recipient;
                recipient = new RecipientKey(key);
                StorePublic(recipient, tagKey);
                return recipient;
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
                Array.Clear(tagKey, 0, tagKey.Length);
            }
        }

        /// <summary>The key with its stored public key and id, or null when device.pub is missing or fails its tag.</summary>
        private RecipientKey LoadPublic(byte[] privateKey, byte[] tagKey)
        {
            byte[] stored = new byte[PublicFileSize + 1];
            try
            {
                if (!_files.Exists(PublicFileName) || Read(PublicFileName, stored) != PublicFileSize) return null;
            }
            catch (IOException)
            {
                return null;
            }
            // The tagged bytes in an array of their own: the native HMAC takes it whole, with no slice copy.
            byte[] body = new byte[2 * KeySize];
            Array.Copy(stored, 0, body, 0, body.Length);
            byte[] tag = new byte[DigestKeys.DigestSize];
            _hmac.Compute(tagKey, body, 0, body.Length, tag, 0);
            if (!ConstantTime.AreEqual(tag, 0, stored, body.Length, DigestKeys.DigestSize)) return null;
            byte[] publicKey = new byte[KeySize];
            byte[] id = new byte[KeySize];
            Array.Copy(body, 0, publicKey, 0, KeySize);
            Array.Copy(body, KeySize, id, 0, KeySize);
            return new RecipientKey(privateKey, publicKey, id);
        }

        /// <summary>Writes device.pub; a flash failure only costs the next boot the derivation again, so it is not raised.</summary>
        private void StorePublic(RecipientKey recipient, byte[] tagKey)
        {
            byte[] body = new byte[2 * KeySize];
            Array.Copy(recipient.PublicKey, 0, body, 0, KeySize);
            byte[] id = recipient.GetIdBytes();
            Array.Copy(id, 0, body, KeySize, KeySize);
            byte[] tag = new byte[DigestKeys.DigestSize];
            _hmac.Compute(tagKey, body, 0, body.Length, tag, 0);
            try
            {
                Stream stream = _files.OpenWrite(PublicFileName, false);
                try
                {
                    stream.Write(body, 0, body.Length);
                    stream.Write(tag, 0, tag.Length);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch (IOException)
            {
            }
        }

        private bool CheckOk(byte[] file)
        {
            byte[] mac = new byte[DigestKeys.DigestSize];
            _hmac.Compute(CheckKey, file, 0, KeySize, mac, 0);
            return ConstantTime.AreEqual(mac, 0, file, KeySize, DigestKeys.DigestSize);
        }

        private int Read(string name, byte[] file)
        {
            int count = 0;
            Stream stream = _files.OpenRead(name);
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
