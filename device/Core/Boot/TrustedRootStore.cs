using System;
using System.IO;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The trusted root metadata on flash: root.&lt;N&gt;.json holds the exact envelope of root version N
    /// as accepted. Loading re-checks it with <see cref="RootVerifier.TryLoadTrusted"/> (its own
    /// signatures catch a corrupted file) and that it is the version the boot state names.
    /// root.1.json, the provisioned root, is kept for ever: the factory state falls back to it.
    /// </summary>
    public sealed class TrustedRootStore
    {
        private readonly IFileStore _files;

        public TrustedRootStore(IFileStore files)
        {
            if (files == null) throw new ArgumentNullException("files");
            _files = files;
        }

        /// <summary>"root.&lt;version&gt;.json".</summary>
        public static string FileName(long version)
        {
            return "root." + version.ToString() + ".json";
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
            return true;
        }

        /// <summary>Writes the root's exact envelope bytes as root.&lt;its version&gt;.json.</summary>
        public void Save(TrustedRoot root)
        {
            if (root == null) throw new ArgumentNullException("root");
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

        /// <summary>Deletes a superseded root file; the provisioned root.1.json is never deleted.</summary>
        public void DeleteSuperseded(long version)
        {
            if (version <= 1) return;
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
