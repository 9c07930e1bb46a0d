using SecureOta.Build.Keys;
using SecureOta.Build.LocalServer;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.EndToEnd;

/// <summary>
/// The DEMO root pins the local TEST CA (so the Demo's device trusts its local server), is signed again
/// with the same keys when that CA changes, and a build with real keys never makes or pins a TEST CA.
/// </summary>
public sealed class DemoRootTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string DemoKeysDir => _temp.Combine("demo-keys");

    private string TestCaDir => new DemoKeyStore(DemoKeysDir).TestCertificateAuthorityDir;

    private TrustedRoot LoadDemoKeys(out string output)
    {
        var run = PipelineRun.Execute(["--target=LoadKeys", $"--demo-keys-dir={DemoKeysDir}", $"--site-dir={_temp.Combine("site")}"]).AssertSucceeded();
        output = run.Consoles.AllText;
        return run.Context!.Keys.Roots.Provisioned;
    }

    private static List<string> Anchors(TrustedRoot root) => Enumerable.Range(0, root.TlsAnchorCount).Select(root.GetTlsAnchor).ToList();

    private static List<string> PublicAnchors() =>
        TlsAnchorSet.Load(SecureOta.Tests.Support.TestAnchors.Folder, p => p).ToList();

    [Fact]
    public void Demo_root_pins_the_public_cas_and_then_the_local_test_ca_whose_key_stays_in_its_folder()
    {
        var root = LoadDemoKeys(out string output);

        string testCa = File.ReadAllText(Path.Combine(TestCaDir, TestCertificateAuthority.RootCertificateFile));
        Assert.Equal([.. PublicAnchors(), testCa], Anchors(root));
        Assert.True(File.Exists(Path.Combine(TestCaDir, TestCertificateAuthority.RootKeyFile)));
        Assert.Contains("Generated a TEST CA", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_root_is_reused_byte_for_byte_while_the_pins_stay_the_same()
    {
        LoadDemoKeys(out _);
        byte[] first = File.ReadAllBytes(Path.Combine(DemoKeysDir, DemoKeyStore.RootMetadataFile));

        LoadDemoKeys(out string output);

        Assert.Equal(first, File.ReadAllBytes(Path.Combine(DemoKeysDir, DemoKeyStore.RootMetadataFile)));
        Assert.DoesNotContain("Generated", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_root_is_signed_again_with_the_same_keys_when_the_test_ca_is_replaced()
    {
        var before = LoadDemoKeys(out _);
        byte[] deviceKey = File.ReadAllBytes(Path.Combine(DemoKeysDir, DemoKeyStore.DeviceKeyFile));
        Directory.Delete(TestCaDir, recursive: true);

        var after = LoadDemoKeys(out string output);

        string newCa = File.ReadAllText(Path.Combine(TestCaDir, TestCertificateAuthority.RootCertificateFile));
        Assert.NotEqual(Anchors(before)[^1], newCa);
        Assert.Equal([.. PublicAnchors(), newCa], Anchors(after));
        Assert.Equal(before.RootRole.GetKeyId(0), after.RootRole.GetKeyId(0));
        Assert.Equal(before.ReleaseRole.GetKeyId(0), after.ReleaseRole.GetKeyId(0));
        Assert.Equal(deviceKey, File.ReadAllBytes(Path.Combine(DemoKeysDir, DemoKeyStore.DeviceKeyFile)));
        Assert.Contains("Generated a TEST CA", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_a_release_key_neither_makes_nor_pins_a_test_ca()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("real"), PipelineFixture.Now);

        var run = PipelineRun.Execute(["--target=LoadKeys", $"--now={PipelineFixture.NowSeconds}", .. keys.BuildArguments,
            $"--demo-keys-dir={DemoKeysDir}", $"--site-dir={_temp.Combine("site")}"]).AssertSucceeded();

        Assert.Equal(PublicAnchors(), Anchors(run.Context!.Keys.Roots.Newest));
        Assert.False(Directory.Exists(DemoKeysDir));
    }
}
