using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host;

namespace SecureOta.Device.Simulation;

/// <summary>
/// The simulated device's own recipient key: the one given with --device-key, or else the key in its
/// state folder, generated at first boot from the host's CSPRNG exactly as the ESP32 does from its
/// hardware RNG. A new key's public key and recipient id are printed, because the maintainer must
/// register them before any release is wrapped for this device.
/// </summary>
internal static class DeviceIdentity
{
    public static RecipientKey Load(SimulatorSettings settings, IFileStore files, IHmacSha256 hmac, Action<string> say)
    {
        if (settings.DeviceKey is not null)
        {
            var given = new RecipientKey(settings.DeviceKey);
            say($"key: from {settings.DeviceKeySource ?? "the settings"}; recipient id {given.Id}");
            return given;
        }

        var key = new DeviceKeyStore(files, hmac, new RandomEntropySource()).LoadOrCreate(out var outcome);
        if (outcome == DeviceKeyOutcome.Loaded)
        {
            say($"key: {DeviceKeyStore.FileName} in the state folder; recipient id {key.Id}");
            return key;
        }
        string publicKey = Convert.ToHexStringLower(key.GetPublicKey());
        say(outcome == DeviceKeyOutcome.Created
            ? $"key: generated at first boot and stored as {DeviceKeyStore.FileName}. Register it so releases are wrapped for this device:"
            : $"key: the stored {DeviceKeyStore.FileName} was damaged, so a new key replaced it (a new identity). Register it again:");
        say($"  public key   {publicKey}");
        say($"  recipient id {key.Id}");
        say($"  keys/recipients.json: {{\"name\": \"simulator-{key.Id[..8]}\", \"kind\": \"device\", \"publicKey\": \"{publicKey}\"}}");
        return key;
    }
}
