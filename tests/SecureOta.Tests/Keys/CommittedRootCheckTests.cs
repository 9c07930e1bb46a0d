using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Keys;

/// <summary>
/// The DEMO build CI runs on every push also verifies a committed keys/root/ (without signing with it),
/// so a broken root version fails the push that broke it instead of the next tag's Release build.
/// </summary>
public sealed class CommittedRootCheckTests : IDisposable
{
    private const long NowSeconds = 1767225600;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_DEMO_build_fails_naming_the_root_file_whose_signature_is_corrupt_and_leaves_the_site_alone()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("repo"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));
        var rootFile = Path.Combine(keys.KeysDir, "root", "1.json");
        var text = File.ReadAllText(rootFile);
        var at = text.IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
        File.WriteAllText(rootFile, text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..]);
        var site = _temp.Combine("site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "the previous site");

        var run = PipelineRun.Execute(DemoBuild(keys, site));

        run.AssertOneError(BuildErrorCode.InvalidRoot, rootFile);
        Assert.Equal("the previous site", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Single(Directory.GetFiles(site, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_DEMO_build_fails_naming_a_root_version_that_does_not_follow_from_the_one_before()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("repo"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));
        // Version 1 again as 2.json: it is not version 2 and not signed as one.
        File.Copy(Path.Combine(keys.KeysDir, "root", "1.json"), Path.Combine(keys.KeysDir, "root", "2.json"));

        var run = PipelineRun.Execute(DemoBuild(keys, _temp.Combine("site")));

        run.AssertOneError(BuildErrorCode.InvalidRoot, Path.Combine(keys.KeysDir, "root", "2.json"), "does not follow from root version 1");
    }

    [Fact]
    public void A_DEMO_build_with_a_good_committed_root_checks_it_and_still_signs_with_DEMO_keys()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("repo"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds));

        var run = PipelineRun.Execute(DemoBuild(keys, _temp.Combine("site"))).AssertSucceeded();

        Assert.True(run.Context!.Keys.IsDemo);
        Assert.Contains("Checked the committed root chain", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    private string[] DemoBuild(TestKeysFolder keys, string site) =>
        [$"--site-dir={site}", $"--keys-dir={keys.KeysDir}", $"--releases-dir={keys.ReleasesDir}", $"--demo-keys-dir={_temp.Combine("demo-keys")}", $"--now={NowSeconds}"];
}
