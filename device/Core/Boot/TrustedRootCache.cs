using System;
using System.IO;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// root.&lt;N&gt;.cache: the <see cref="CachedRootCodec"/> form of root version N followed by
    /// HMAC-SHA256(device cache key, form), 32 bytes. The key is the device's own (derived from its recipient
    /// key, see <see cref="TrustedRootStore.ForDevice"/>), so a form made on another device, a torn write or
    /// one flipped bit fails the tag, which is compared in constant time before a byte is decoded. Anything
    /// short of a whole, tagged form of this format for this version and envelope length reads as absent:
    /// the caller then verifies the envelope in full and writes the form again.
    /// </summary>
    internal sealed class TrustedRootCache
    {
        internal const int TagSize = 32;

        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly byte[] _key;

        internal TrustedRootCache(IFileStore files, IHmacSha256 hmac, byte[] key)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (key == null) throw new ArgumentNullException("key");
            if (key.Length != TagSize) throw new ArgumentException("the cache key is 32 bytes", "key");
            _files = files;
            _hmac = hmac;
            _key = key;
        }

        /// <summary>"root.&lt;version&gt;.cache".</summary>
        internal static string FileName(long version)
        {
            return "root." + version.ToString() + ".cache";
        }

        /// <summary>The cached root version <paramref name="version"/>, or null when there is no sound form of it.</summary>
        internal TrustedRoot TryLoad(long version, long envelopeLength)
        {
            string name = FileName(version);
            byte[] form;
            byte[] tag = new byte[TagSize];
            try
            {
                long length = _files.Length(name);
                if (length <= TagSize || length > RootVerifier.MaxEnvelopeSize) return null;
                // The form and its tag in separate arrays: the native HMAC then takes the form whole, with no slice copy.
                form = new byte[(int)length - TagSize];
                Stream stream = _files.OpenRead(name);
                try
                {
                    if (!ReadExactly(stream, form) || !ReadExactly(stream, tag)) return null;
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch (IOException)
            {
                return null;
            }
            byte[] expected = new byte[TagSize];
            _hmac.Compute(_key, form, 0, form.Length, expected, 0);
            if (!ConstantTime.AreEqual(expected, 0, tag, 0, TagSize)) return null;
            TrustedRoot root = CachedRootCodec.Decode(form, envelopeLength);
            return root != null && root.Version == version ? root : null;
        }

        /// <summary>Writes the tagged form of <paramref name="root"/>; IOException propagates.</summary>
        internal void Save(TrustedRoot root, long envelopeLength)
        {
            byte[] form = CachedRootCodec.Encode(root, envelopeLength);
            byte[] tag = new byte[TagSize];
            _hmac.Compute(_key, form, 0, form.Length, tag, 0);
            Stream stream = _files.OpenWrite(FileName(root.Version), false);
            try
            {
                stream.Write(form, 0, form.Length);
                stream.Write(tag, 0, TagSize);
                stream.Flush();
            }
            finally
            {
                stream.Dispose();
            }
        }

        private static bool ReadExactly(Stream stream, byte[] buffer)
        {
            int count = 0;
            while (count < buffer.Length)
            {
                int read = stream.Read(buffer, count, buffer.Length - count);
                if (read <= 0) return false;
                count += read;
            }
            return true;
        }
    }
}
