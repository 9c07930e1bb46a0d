using System.Text.Json.Nodes;
using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Build.Site;
using SecureOta.Build.Verification;
using SecureOta.Device.Core.Keys;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;
using SiteFiles = SecureOta.Tests.Pipeline.SiteFiles;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// One DEMO build of the repository's releases/ (stable: 1.0.0, 1.1.0, 1.2.0; beta: 1.1.0, 1.2.0) with a
/// fixed --now, shared by a test class; tests read it, or change a copy of it and verify the copy with the
/// same inputs the Verify task uses.
/// </summary>
public sealed class DeltaSiteFixture : IDisposable
{
    public const long NowSeconds = 1767225600;

    private readonly TempDirectory _temp = new();

    public DeltaSiteFixture()
    {
        SiteDir = _temp.Combine("site");
        DemoKeysDir = _temp.Combine("demo-keys");
        Run = PipelineRun.Execute(["--target=Default", $"--site-dir={SiteDir}", $"--demo-keys-dir={DemoKeysDir}", $"--now={NowSeconds}"]).AssertSucceeded();
    }

    public string SiteDir { get; }

    public string DemoKeysDir { get; }

    internal PipelineRun Run { get; }

    /// <summary>The tests' sample release image of <paramref name="version"/> (the fixture builds from the samples).</summary>
    public static byte[] ImageOf(string version) => File.ReadAllBytes(ImagePath(version));

    public static string ImagePath(string version) => SecureOta.Tests.Support.TestReleases.ImagePath(version);

    /// <summary>The content key the DEMO build derived for <paramref name="version"/> (section 10).</summary>
    public byte[] ContentKey(string version) => ContentKeyDerivation.ContentKey(new DemoKeyStore(DemoKeysDir).ReadContentSecret(), version);

    /// <summary>A copy of the site for one test to change.</summary>
    public string CopyOfSite()
    {
        string copy = _temp.Combine("copy-" + Guid.NewGuid().ToString("N")[..12], "site");
        SiteSnapshot.Copy(SiteDir, copy);
        return copy;
    }

    /// <summary>The payload of a channel manifest in <paramref name="siteDir"/>, as editable JSON.</summary>
    public static JsonObject Payload(string siteDir, string channel) =>
        (JsonObject)JsonNode.Parse(SiteFiles.Manifest(siteDir, channel).GetRawText())!;

    /// <summary>Signs <paramref name="payload"/> with the DEMO release key and publishes it as the channel's manifest.</summary>
    public void Resign(string siteDir, string channel, JsonObject payload)
    {
        using var release = Ed25519KeyPair.FromSeed(new DemoKeyStore(DemoKeysDir).ReadReleaseSeed());
        byte[] envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), release);
        File.WriteAllBytes(SiteFiles.Ota(siteDir, "channels", channel + ".json"), envelope);
    }

    /// <summary>What the Verify task verifies a DEMO site with, over <paramref name="siteDir"/>, with these base images.</summary>
    public SiteVerifierInputs Inputs(string siteDir, IReadOnlyList<string>? baseImages = null)
    {
        var device = new RecipientKey(KeyFile.Read(Path.Combine(DemoKeysDir, DemoKeyStore.DeviceKeyFile), "DEMO device key"));
        return new SiteVerifierInputs
        {
            SiteDir = siteDir,
            ProvisionedRoot = File.ReadAllBytes(SiteFiles.Ota(siteDir, "roots", "1.json")),
            Now = DateTimeOffset.FromUnixTimeSeconds(NowSeconds),
            RecipientKeys = [new SiteRecipient("DEMO device key", device)],
            RegisteredRecipientIds = [device.Id],
            BaseImages = baseImages ?? new[] { "1.0.0", "1.1.0", "1.2.0" }.Select(ImagePath).ToList(),
            ExpectedChannels = ["beta", "stable"],
        };
    }

    /// <summary>The site's files under ota/v2/ by protocol path, for an in-memory transport.</summary>
    public static Dictionary<string, byte[]> OtaFiles(string siteDir)
    {
        string ota = Path.Combine(siteDir, SiteLayout.OtaBase);
        return Directory.EnumerateFiles(ota, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(ota, path).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
