using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// The device's own X25519 recipient key (PROTOCOL.md section 8), made on the device at first boot
    /// by the core's DeviceKeyStore from the hardware RNG. The public key and recipient id are public:
    /// they are logged on every boot, at creation together with the build command that registers the
    /// device (docs/OPERATIONS.md, AddDevice), and kept in device.id.txt. The private key is never shown.
    /// </summary>
    public static class DeviceIdentity
    {
        public const string FileName = "device.id.txt";

        /// <summary>Loads the key, or creates it (the entropy source must have the radio on). Storage failures throw IOException.</summary>
        public static RecipientKey LoadOrCreate(IFileStore files, IHmacSha256 hmac, IEntropySource entropy)
        {
            DeviceKeyOutcome outcome;
            RecipientKey key = new DeviceKeyStore(files, hmac, entropy).LoadOrCreate(out outcome);
            string register = RegisterCommand(key);
            LoaderLog.Info("device recipient id " + key.Id + ", public key " + Hex.Encode(key.GetPublicKey()));
            if (outcome != DeviceKeyOutcome.Loaded)
            {
                LoaderLog.Info(outcome == DeviceKeyOutcome.Created
                    ? "NEW DEVICE KEY. Register it, commit keys/recipients.json and publish a release:"
                    : "THE STORED DEVICE KEY WAS DAMAGED AND A NEW ONE WAS MADE. Remove the old registration and register this one:");
                LoaderLog.Info(register);
            }
            if (outcome != DeviceKeyOutcome.Loaded || !files.Exists(FileName)) WriteIdFile(files, key, register);
            return key;
        }

        // The build target that adds the device to keys/recipients.json; the name is a suggestion.
        private static string RegisterCommand(RecipientKey key)
        {
            return "./build.sh --target=AddDevice --name=esp32-" + key.Id.Substring(0, 12) + " --key=" + Hex.Encode(key.GetPublicKey());
        }

        private static void WriteIdFile(IFileStore files, RecipientKey key, string register)
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes("recipient id: " + key.Id + "\npublic key: " + Hex.Encode(key.GetPublicKey()) +
                "\nregister: " + register + "\n");
            System.IO.Stream stream = files.OpenWrite(FileName, false);
            try
            {
                stream.Write(text, 0, text.Length);
            }
            finally
            {
                stream.Dispose();
            }
        }
    }
}
