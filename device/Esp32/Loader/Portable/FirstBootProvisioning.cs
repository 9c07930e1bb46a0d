using System.IO;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// First boot of a device that has no boot state: the core's DeviceProvisioner stores the shipped
    /// root version 1 (provision.root.json, keys/root/1.json of the repository, whose tlsAnchors are the
    /// pinned CA set), copies the first application image (provision.app.bin, an app bundle) into slot
    /// A and writes the write-once factory state last. Both input files were put on the drive with
    /// nanoff's file deployment; they are deleted once provisioning succeeded, to free the drive.
    /// </summary>
    public static class FirstBootProvisioning
    {
        public const string RootFileName = "provision.root.json";
        public const string AppFileName = "provision.app.bin";

        /// <summary>The protocol's limit on a root envelope (PROTOCOL.md section 11).</summary>
        private const int MaxRootSize = 20480; // RootVerifier.MaxEnvelopeSize: docs/PROTOCOL.md section 11, Heap

        /// <summary>True when the device is now provisioned. Storage failures throw IOException.</summary>
        public static bool Run(IFileStore files, IHmacSha256 hmac, ISlotStore slots, LoaderSettings settings)
        {
            string problem;
            byte[] root = FileBytes.Read(files, RootFileName, MaxRootSize, out problem);
            if (root == null) return Refuse("no boot state, and " + problem + "; deploy the provisioning files (README.md, Provisioning)");
            problem = CheckAppImage(files);
            if (problem != null) return Refuse(problem);

            ProvisionOutcome outcome;
            Stream image = files.OpenRead(AppFileName);
            try
            {
                outcome = new DeviceProvisioner(files, hmac, slots).Provision(root, image, settings.SecurityVersion, out problem);
            }
            finally
            {
                image.Dispose();
            }
            if (outcome != ProvisionOutcome.Provisioned) return Refuse("provisioning refused: " + problem);
            files.Delete(AppFileName);
            files.Delete(RootFileName);
            LoaderLog.Info("provisioned: root version 1 trusted, first image in slot A (security version " + settings.SecurityVersion + ")");
            return true;
        }

        // The image must be an app bundle, or the loader could never start it.
        private static string CheckAppImage(IFileStore files)
        {
            long length = files.Length(AppFileName);
            if (length < 0) return "no boot state, and " + AppFileName + " is not on the drive; deploy the provisioning files (README.md, Provisioning)";
            int headLength = length < AppBundleHeader.MaxSize ? (int)length : AppBundleHeader.MaxSize;
            byte[] head = new byte[headLength];
            Stream stream = files.OpenRead(AppFileName);
            try
            {
                StreamReads.Fill(stream, head, 0, headLength);
            }
            finally
            {
                stream.Dispose();
            }
            string problem;
            return AppBundleHeader.TryParse(head, headLength, length, out problem) == null ? AppFileName + ": " + problem : null;
        }

        private static bool Refuse(string problem)
        {
            LoaderLog.Info(problem);
            return false;
        }
    }
}
