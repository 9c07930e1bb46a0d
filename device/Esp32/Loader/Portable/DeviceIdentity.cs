using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// The device's own X25519 recipient key (PROTOCOL.md section 8), made on the device at first boot
    /// by the core's DeviceKeyStore from the hardware RNG. The public key and recipient id are public:
    /// they are logged on every boot, and at creation also as the ready-to-paste entry for
    /// keys/recipients.json, and kept in device.id.txt. The private key is never shown.
    /// </summary>
    public static class DeviceIdentity
    {
        public const string FileName = "device.id.txt";

        /// <summary>Loads the key, or creates it (the entropy source must have the radio on). Storage failures throw IOException.</summary>
        public static RecipientKey LoadOrCreate(IFileStore files, IHmacSha256 hmac, IEntropySource entropy)
        {
            DeviceKeyOutcome outcome;
            RecipientKey key = new DeviceKeyStore(files, hmac, entropy).LoadOrCreate(out outcome);
            string entry = RegistrationEntry(key);
            LoaderLog.Info("device recipient id " + key.Id + ", public key " + Hex.Encode(key.GetPublicKey()));
            if (outcome != DeviceKeyOutcome.Loaded)
            {
                LoaderLog.Info(outcome == DeviceKeyOutcome.Created
                    ? "NEW DEVICE KEY. Register it: add this entry to keys/recipients.json and publish a release:"
                    : "THE STORED DEVICE KEY WAS DAMAGED AND A NEW ONE WAS MADE. Register it again (replace the old entry):");
                LoaderLog.Info(entry);
            }
            if (outcome != DeviceKeyOutcome.Loaded || !files.Exists(FileName)) WriteIdFile(files, key, entry);
            return key;
        }

        // {"name": "esp32-<first 12 hex of the id>", "kind": "device", "publicKey": "<64 hex>"}
        private static string RegistrationEntry(RecipientKey key)
        {
            return "{\"name\": \"esp32-" + key.Id.Substring(0, 12) + "\", \"kind\": \"device\", \"publicKey\": \"" +
                Hex.Encode(key.GetPublicKey()) + "\"}";
        }

        private static void WriteIdFile(IFileStore files, RecipientKey key, string entry)
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes("recipient id: " + key.Id + "\nkeys/recipients.json entry: " + entry + "\n");
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
