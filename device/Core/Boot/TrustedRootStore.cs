using System;
using System.IO;
using System.Text;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The trusted root metadata on flash: root.&lt;N&gt;.json holds the exact envelope of root version N
    /// as accepted, and stays the authority. root.1.json, the provisioned root, is kept for ever: the
    /// factory state falls back to it.
    /// <para>
    /// A store made with <see cref="ForDevice"/> also keeps root.&lt;N&gt;.cache (<see cref="TrustedRootCache"/>):
    /// the verified root in a compact binary form tagged with a key only this device holds, so a boot
    /// loads it with one native HMAC instead of parsing JSON and checking Ed25519 signatures again. When the
    /// form is missing (provisioning writes none: the device key does not exist yet; firmware older than the
    /// form wrote none), damaged, of another format or device, the envelope is verified in full
    /// (<see cref="RootVerifier.TryLoadTrusted"/>, whose signatures catch a corrupted file) and the form is
    /// written again. Nothing from a form that fails its tag is used.
    /// </para>
    /// </summary>
    public sealed class TrustedRootStore
    {
        /// <summary>HKDF info of the cache key: a key derived for this purpose alone.</summary>
        private static readonly byte[] CacheKeyLabel = Encoding.UTF8.GetBytes("SecureOta/v1/root-cache");

        private readonly IFileStore _files;
        private readonly TrustedRootCache _cache;

        /// <summary>A store without the cached form (provisioning, tools): every load verifies the envelope in full.</summary>
        public TrustedRootStore(IFileStore files)
            : this(files, null)
        {
        }

        private TrustedRootStore(IFileStore files, TrustedRootCache cache)
        {
            if (files == null) throw new ArgumentNullException("files");
            _files = files;
            _cache = cache;
        }

        /// <summary>
        /// The device's store: the cached form is tagged under HKDF-SHA256(the private key of
        /// <paramref name="deviceKey"/>, info "SecureOta/v1/root-cache"), a key used for nothing else.
        /// </summary>
        public static TrustedRootStore ForDevice(IFileStore files, IHmacSha256 hmac, RecipientKey deviceKey)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (deviceKey == null) throw new ArgumentNullException("deviceKey");
            return new TrustedRootStore(files, new TrustedRootCache(files, hmac, deviceKey.DeriveLocalKey(hmac, CacheKeyLabel)));
        }

        /// <summary>Where the last successful <see cref="TryLoad"/> took its root from.</summary>
        public TrustedRootSource LastSource { get; private set; }

        /// <summary>"root.&lt;version&gt;.json".</summary>
        public static string FileName(long version)
        {
            return "root." + version.ToString() + ".json";
        }

        /// <summary>"root.&lt;version&gt;.cache", the cached form of that root.</summary>
        public static string CacheFileName(long version)
        {
            return TrustedRootCache.FileName(version);
        }

        /// <summary>Loads and verifies root version <paramref name="version"/>; false with the reason when it is missing, unreadable or not that root.</summary>
        public bool TryLoad(long version, out TrustedRoot root, out string problem)
        {
            root = null;
            problem = null;
            string name = FileName(version);
            byte[] envelope;
            try
            {
                long length = _files.Length(name);
                if (length < 0)
                {
                    problem = name + " is missing; the device's trusted root is gone. Re-provision the device.";
                    return false;
                }
                if (length == 0 || length > RootVerifier.MaxEnvelopeSize)
                {
                    problem = name + " has " + length + " bytes, outside 1.." + RootVerifier.MaxEnvelopeSize + "; it is damaged. Re-provision the device.";
                    return false;
                }
                if (_cache != null)
                {
                    root = _cache.TryLoad(version, length);
                    if (root != null)
                    {
                        LastSource = TrustedRootSource.CachedForm;
                        return true;
                    }
                }
                envelope = ReadAll(name, (int)length);
            }
            catch (IOException e)
            {
                problem = name + " could not be read: " + e.Message;
                return false;
            }
            if (envelope == null)
            {
                problem = name + " is shorter than its length; it is damaged. Re-provision the device.";
                return false;
            }
            VerificationFailure failure;
            if (!RootVerifier.TryLoadTrusted(envelope, out root, out failure))
            {
                problem = name + " no longer verifies (" + failure.ToString() + "); it is damaged. Re-provision the device.";
                return false;
            }
            if (root.Version != version)
            {
                problem = name + " holds root version " + root.Version + "; the file was replaced. Re-provision the device.";
                root = null;
                return false;
            }
            LastSource = TrustedRootSource.Envelope;
            RebuildCache(root);
            return true;
        }

        /// <summary>
        /// Writes the cached form of a root just verified from its envelope. A flash failure here costs only
        /// speed (the next boot verifies the envelope again), so it does not fail the load.
        /// </summary>
        private void RebuildCache(TrustedRoot root)
        {
            if (_cache == null) return;
            try
            {
                _cache.Save(root, root.Envelope.Length);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>
        /// Writes the root's exact envelope bytes as root.&lt;its version&gt;.json. Power-safe order, with the
        /// envelope as the authority: (1) any old form of this version is deleted, so a form never outlives the
        /// envelope it was made from (a re-provisioned device); (2) the envelope. The cached form is not written
        /// here: the next load from flash (the next boot) verifies the envelope in full once and writes it, so a
        /// poll that rotates the root never holds the form beside the documents it verified (PROTOCOL.md
        /// section 11, Heap). The caller names the new version in the boot state only after this returns, so the
        /// state never names a root without its envelope. Only a root verified from its envelope can be saved
        /// (one from the cached form has none).
        /// </summary>
        public void Save(TrustedRoot root)
        {
            if (root == null) throw new ArgumentNullException("root");
            if (root.Envelope == null) throw new InvalidOperationException("a root loaded from its cached form is already stored");
            _files.Delete(CacheFileName(root.Version));
            Stream stream = _files.OpenWrite(FileName(root.Version), false);
            try
            {
                stream.Write(root.Envelope, 0, root.Envelope.Length);
                stream.Flush();
            }
            finally
            {
                stream.Dispose();
            }
        }

        /// <summary>Deletes a superseded root's files (its form first: no form outlives its envelope); root.1.json is never deleted.</summary>
        public void DeleteSuperseded(long version)
        {
            if (version <= 1) return;
            _files.Delete(CacheFileName(version));
            _files.Delete(FileName(version));
        }

        private byte[] ReadAll(string name, int length)
        {
            byte[] data = new byte[length];
            int count = 0;
            Stream stream = _files.OpenRead(name);
            try
            {
                while (count < length)
                {
                    int read = stream.Read(data, count, length - count);
                    if (read <= 0) return null;
                    count += read;
                }
            }
            finally
            {
                stream.Dispose();
            }
            return data;
        }
    }
}
