using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;
using SecureOta.Tests.Support;

namespace SecureOta.Tests.SiteVerification;

/// <summary>
/// The Verify target on its own: it reads a site it did not build (a downloaded copy of the live site)
/// as a device would, never rebuilds or rewrites it, and fails naming the file and the check.
/// </summary>
public sealed class VerifyGivenSiteTests : IDisposable
{
    private const long NowSeconds = 1767225600;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Verify_passes_a_good_DEMO_site_and_leaves_it_byte_identical()
    {
        var site = BuildDemoSite();
        var before = SiteSnapshot.Take(site);

        var run = PipelineRun.Execute(DemoVerify(site)).AssertSucceeded();

        SiteSnapshot.AssertSame(before, SiteSnapshot.Take(site));
        Assert.False(run.Context!.SiteWritten, "Verify built a site");
        Assert.False(run.Context.HasKeys, "Verify loaded signing keys");
        Assert.Contains("The site verified as a device runs it.", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_naming_the_blob_when_one_byte_of_it_is_flipped_and_does_not_repair_it()
    {
        var site = BuildDemoSite();
        var blob = Directory.GetFiles(Path.Combine(site, "ota", "v2", "blobs")).Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(blob);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(blob, bytes);
        var tampered = SiteSnapshot.Take(site);

        var run = PipelineRun.Execute(DemoVerify(site));

        run.AssertOneError(BuildErrorCode.VerificationFailed, "ota/v2/blobs/" + Path.GetFileName(blob), "S4");
        SiteSnapshot.AssertSame(tampered, SiteSnapshot.Take(site));
    }

    [Fact]
    public void Verify_fails_naming_the_channel_manifest_when_its_signature_is_altered()
    {
        var site = BuildDemoSite();
        var manifest = Path.Combine(site, "ota", "v2", "channels", "stable.json");
        var text = File.ReadAllText(manifest);
        var at = text.IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
        File.WriteAllText(manifest, text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..]);

        var run = PipelineRun.Execute(DemoVerify(site));

        run.AssertOneError(BuildErrorCode.VerificationFailed, "ota/v2/channels/stable.json");
    }

    [Fact]
    public void Verify_checks_a_real_keys_site_against_keys_root_with_the_content_secret_and_without_any_release_key()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("real"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));
        var site = _temp.Combine("real-site");
        PipelineRun.Execute([$"--site-dir={site}", .. keys.BuildArguments, $"--now={NowSeconds}", "--target=Release"]).AssertSucceeded();
        var before = SiteSnapshot.Take(site);

        // --exclusive used to fail with "Keys are not loaded" (exit 3): Verify needs no build step.
        var run = PipelineRun.Execute(["--target=Verify", "--exclusive", $"--site-dir={site}", .. keys.KeyArguments, $"--now={NowSeconds}"])
            .AssertSucceeded();

        SiteSnapshot.AssertSame(before, SiteSnapshot.Take(site));
        Assert.All(run.Context!.SiteVerification.Channels, c => Assert.Equal(SecureOta.Build.Verification.ContentKeyOrigin.BuildKey, c.KeyOrigin));
    }

    [Fact]
    public void Verify_refuses_a_site_whose_first_root_is_not_the_repository_root()
    {
        var site = BuildDemoSite();
        var keys = TestKeysFolder.Create(_temp.Combine("real"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));

        var run = PipelineRun.Execute(["--target=Verify", $"--site-dir={site}", $"--keys-dir={keys.KeysDir}", $"--releases-dir={keys.ReleasesDir}",
            $"--content-secret={keys.ContentSecretFile}", $"--now={NowSeconds}"]);

        run.AssertOneError(BuildErrorCode.VerificationFailed, "ota/v2/roots/1.json", "S1");
    }

    [Fact]
    public void Verify_without_a_root_to_trust_says_where_it_looked()
    {
        var site = BuildDemoSite();

        var run = PipelineRun.Execute(["--target=Verify", $"--site-dir={site}", $"--keys-dir={_temp.Combine("empty-keys")}",
            $"--releases-dir={_temp.Combine("releases")}", $"--demo-keys-dir={_temp.Combine("no-demo-keys")}", $"--now={NowSeconds}"]);

        run.AssertOneError(BuildErrorCode.InvalidRoot, "no DEMO root", "What to do");
        Assert.False(Directory.Exists(_temp.Combine("no-demo-keys")), "Verify made DEMO keys");
    }

    [Fact]
    public void Verify_of_a_folder_without_a_site_names_it()
    {
        var run = PipelineRun.Execute(DemoVerify(_temp.Combine("nothing-here")));

        run.AssertOneError(BuildErrorCode.VerificationFailed, "nothing-here");
    }

    private string BuildDemoSite()
    {
        var site = _temp.Combine("site");
        if (Directory.Exists(site)) return site;
        TestReleases.Write(_temp.Combine("releases"));
        TestAnchors.CopyInto(_temp.Combine("keys"));
        PipelineRun.Execute([$"--site-dir={site}", .. Common()]).AssertSucceeded();
        return site;
    }

    private string[] Common() =>
        [$"--releases-dir={_temp.Combine("releases")}", $"--keys-dir={_temp.Combine("keys")}", $"--demo-keys-dir={_temp.Combine("demo-keys")}", $"--now={NowSeconds}"];

    private string[] DemoVerify(string site) => ["--target=Verify", $"--site-dir={site}", .. Common()];
}
