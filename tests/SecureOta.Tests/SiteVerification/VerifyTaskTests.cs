using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Verification;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.SiteVerification;

/// <summary>The Verify task over sites the real pipeline writes from the repository's releases/.</summary>
public sealed class VerifyTaskTests : IDisposable
{
    private const long NowSeconds = 1767225600;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Verify_passes_on_the_site_a_DEMO_build_writes_and_unwraps_every_release_with_the_DEMO_device_key()
    {
        var run = PipelineRun.Execute(DemoArguments()).AssertSucceeded();

        var report = run.Context!.SiteVerification;
        SiteAssert.Verified(report);
        Assert.Equal(["beta", "stable"], report.Channels.Select(c => c.Channel).Order(StringComparer.Ordinal));
        Assert.All(report.Channels, c => Assert.Equal("DEMO device key", c.KeyRecipient));
        Assert.Equal(3, report.Keys.UnwrappedBy["DEMO device key"]); // the newest release's key and both older ones
        Assert.Equal(2, report.OlderBlobs);
        var output = run.Consoles.OutputText;
        Assert.Contains("unwrapped: DEMO device key", output, StringComparison.Ordinal);
        Assert.Contains("The site verified as a device runs it.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_the_build_naming_every_altered_blob_when_the_written_site_is_altered()
    {
        var run = PipelineRun.Execute(DemoArguments(), configure: context => context.WriteSiteFile = (path, bytes) =>
        {
            if (path.Replace('\\', '/').Contains("/ota/v2/blobs/", StringComparison.Ordinal)) bytes[5000] ^= 0x01;
            File.WriteAllBytes(path, bytes);
        });

        run.AssertOneError(BuildErrorCode.VerificationFailed, "ota/v2/blobs/", "A2 record 1: RecordDigestMismatch", "S4: its SHA-256 is");
        // The newest release's blob and its two patches fail at record 1 and by their names; the two older blobs by their names.
        var report = run.Context!.SiteVerification;
        Assert.Equal(5, report.Problems.Count(p => p.Step == SiteSteps.BlobName));
        Assert.Equal(3, report.Problems.Count(p => p.Step == "A2 record 1"));
        Assert.Contains("(8 problems)", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_of_a_build_with_real_keys_and_no_device_key_decrypts_with_the_build_content_key()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("real"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));

        var run = PipelineRun.Execute(RealArguments(keys)).AssertSucceeded();

        var report = run.Context!.SiteVerification;
        SiteAssert.Verified(report);
        Assert.All(report.Channels, c => Assert.Equal(ContentKeyOrigin.BuildKey, c.KeyOrigin));
        Assert.Equal(0, report.Keys.Unwrapped);
        Assert.Equal(3, report.Keys.FormChecked);
        Assert.Contains("build content key", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_unwraps_with_a_registered_device_key_given_with_device_key()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("real"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));
        var devicePrivate = RandomNumberGenerator.GetBytes(32);
        using (var device = X25519KeyPair.FromPrivateKey(devicePrivate))
        {
            File.WriteAllText(Path.Combine(keys.KeysDir, RecipientRegistry.FileName),
                $$"""{"recipients": [{"name": "bench-board", "kind": "device", "publicKey": "{{Convert.ToHexStringLower(device.PublicKey)}}"}]}""");
        }
        var deviceKeyFile = _temp.Combine("bench-board.key");
        KeyFile.Write(deviceKeyFile, devicePrivate, ["test device key"]);

        var run = PipelineRun.Execute([.. RealArguments(keys), $"--device-key={deviceKeyFile}"]).AssertSucceeded();

        var report = run.Context!.SiteVerification;
        Assert.All(report.Channels, c => Assert.Equal("bench-board key", c.KeyRecipient));
        Assert.Equal(3, report.Keys.UnwrappedBy["bench-board key"]);
        Assert.Contains("unwrapped: bench-board key", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_a_device_key_file_that_does_not_exist()
    {
        var run = PipelineRun.Execute([.. DemoArguments(), $"--device-key={_temp.Combine("absent.key")}"]);

        run.AssertOneError(BuildErrorCode.MissingKey, "absent.key");
    }

    private string[] DemoArguments() =>
        ["--target=Default", $"--site-dir={_temp.Combine("site")}", $"--demo-keys-dir={_temp.Combine("demo-keys")}", $"--now={NowSeconds}"];

    private string[] RealArguments(TestKeysFolder keys) =>
        ["--target=Default", $"--site-dir={_temp.Combine("site")}", .. keys.BuildArguments, $"--now={NowSeconds}"];
}
