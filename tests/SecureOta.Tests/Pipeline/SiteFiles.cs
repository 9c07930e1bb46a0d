using System.Text.Json;
using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Pipeline;

/// <summary>Reads what a build wrote: manifest payloads, and the DEMO keys it used.</summary>
internal static class SiteFiles
{
    public static string Ota(string siteDir, params string[] parts) => Path.Combine([siteDir, "ota", "v2", .. parts]);

    /// <summary>The decoded payload of a DSSE envelope file.</summary>
    public static JsonElement Payload(string envelopeFile)
    {
        using var envelope = JsonDocument.Parse(File.ReadAllBytes(envelopeFile));
        var payload = Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.Clone();
    }

    public static JsonElement Manifest(string siteDir, string channel) => Payload(Ota(siteDir, "channels", channel + ".json"));

    public static byte[] DemoReleaseSeed(string demoKeysDir) => KeyFile.Read(Path.Combine(demoKeysDir, DemoKeyStore.ReleaseKeyFile), "DEMO release key");

    /// <summary>The DEMO content-key secret S of PROTOCOL.md section 10 (no signing key).</summary>
    public static byte[] DemoContentSecret(string demoKeysDir) => KeyFile.Read(Path.Combine(demoKeysDir, DemoKeyStore.ContentSecretFile), "DEMO content-key secret");

    public static byte[] DemoDevicePrivateKey(string demoKeysDir) => KeyFile.Read(Path.Combine(demoKeysDir, DemoKeyStore.DeviceKeyFile), "DEMO device key");

    public static string DemoDeviceId(string demoKeysDir)
    {
        using var device = X25519KeyPair.FromPrivateKey(DemoDevicePrivateKey(demoKeysDir));
        return KeyId.Of(device.PublicKey);
    }

    /// <summary>The tests' sample release images by version (what the fixtures build from).</summary>
    public static IReadOnlyDictionary<string, byte[]> RepositoryImages() =>
        new[] { "1.0.0", "1.1.0", "1.2.0" }.ToDictionary(v => v, v => File.ReadAllBytes(SecureOta.Tests.Support.TestReleases.ImagePath(v)));
}
