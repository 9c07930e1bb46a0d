using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// Provisioning, once per device (on the bench or by the loader's first boot): writes the shipped
    /// root version 1 as root.1.json, the first application image into slot A, and last the write-once
    /// state.factory (slot A active and confirmed, root v1, nothing accepted yet). The factory state is
    /// written last, so a power cut during provisioning leaves an unprovisioned device that simply
    /// provisions again. It is also what the boot state falls back to if both stored copies are lost.
    /// </summary>
    public sealed class DeviceProvisioner
    {
        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly ISlotStore _slots;

        public DeviceProvisioner(IFileStore files, IHmacSha256 hmac, ISlotStore slots)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (slots == null) throw new ArgumentNullException("slots");
            _files = files;
            _hmac = hmac;
            _slots = slots;
        }

        /// <param name="rootV1">The envelope of root version 1 the device ships with.</param>
        /// <param name="image">The first application image, read to its end.</param>
        /// <param name="securityVersion">The security version of that image's release.</param>
        /// <param name="problem">Why nothing was provisioned, or null.</param>
        public ProvisionOutcome Provision(byte[] rootV1, Stream image, long securityVersion, out string problem)
        {
            if (rootV1 == null) throw new ArgumentNullException("rootV1");
            if (image == null) throw new ArgumentNullException("image");
            if (securityVersion < 0 || securityVersion > 4294967295) throw new ArgumentOutOfRangeException("securityVersion");
            problem = null;
            BootStateStore states = new BootStateStore(_files, _hmac);
            if (_files.Exists(BootStateStore.FactoryName))
            {
                problem = "the device is already provisioned; state.factory is write-once.";
                return ProvisionOutcome.AlreadyProvisioned;
            }

            TrustedRoot root;
            VerificationFailure failure;
            if (!RootVerifier.TryLoadTrusted(rootV1, out root, out failure) || root.Version != 1)
            {
                problem = failure != null ? "root v1 does not verify: " + failure.ToString() : "the shipped root must be version 1, not " + root.Version + ".";
                return ProvisionOutcome.RootInvalid;
            }

            BootState factory = new BootState();
            if (!CopyImage(image, factory.Image(SlotId.A), securityVersion, out problem)) return ProvisionOutcome.ImageInvalid;
            new TrustedRootStore(_files).Save(root);
            factory.InstalledSecurityVersion = securityVersion;
            states.WriteFactory(factory);
            return ProvisionOutcome.Provisioned;
        }

        private bool CopyImage(Stream image, SlotImage record, long securityVersion, out string problem)
        {
            problem = null;
            byte[] buffer = new byte[ArtifactLayout.ChunkSize];
            ImageDigestBuilder fold = new ImageDigestBuilder(_hmac);
            fold.Reset();
            long length = 0;
            Stream slot = _slots.OpenWrite(SlotId.A, 0);
            try
            {
                while (true)
                {
                    int count = ReadChunk(image, buffer);
                    if (count == 0) break;
                    length += count;
                    if (length > _slots.Capacity || length > ArtifactLayout.MaxPlainSize)
                    {
                        problem = "the image is larger than a slot (" + _slots.Capacity + " bytes).";
                        return false;
                    }
                    slot.Write(buffer, 0, count);
                    fold.AddChunk(buffer, 0, count);
                    if (count < ArtifactLayout.ChunkSize) break;
                }
                slot.Flush();
            }
            finally
            {
                slot.Dispose();
            }
            if (length == 0)
            {
                problem = "the image is empty.";
                return false;
            }
            byte[] digest = new byte[DigestKeys.DigestSize];
            fold.CopyDigest(digest, 0);
            record.Set(length, securityVersion, digest);
            return true;
        }

        /// <summary>Fills the buffer unless the stream ends first; a short chunk is the image's last.</summary>
        private static int ReadChunk(Stream image, byte[] buffer)
        {
            int count = 0;
            while (count < buffer.Length)
            {
                int read = image.Read(buffer, count, buffer.Length - count);
                if (read <= 0) break;
                count += read;
            }
            return count;
        }
    }
}
