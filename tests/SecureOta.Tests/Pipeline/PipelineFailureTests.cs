using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// Bad inputs and keys: each fails the build with exit code 1 and one error naming the file and the
/// problem, and leaves the previous site byte for byte as it was, with no staging folder left over.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PipelineFailureTests(PipelineFixture fixture)
{
    [Fact]
    public void Missing_release_json()
    {
        var releases = fixture.CopyOfReleases();
        File.Delete(Path.Combine(releases, "1.1.0", "release.json"));

        AssertFailsKeepingSite(["--releases-dir=" + releases], BuildErrorCode.InvalidReleases, "releases/1.1.0: this release folder has no release.json");
    }

    [Fact]
    public void Malformed_release_json()
    {
        var releases = fixture.CopyOfReleases();
        File.WriteAllText(Path.Combine(releases, "1.2.0", "release.json"), """{"version": "1.2.0", """);

        AssertFailsKeepingSite(["--releases-dir=" + releases], BuildErrorCode.InvalidReleases, "releases/1.2.0/release.json: malformed JSON");
    }

    [Fact]
    public void Image_glob_matching_nothing()
    {
        var releases = fixture.CopyOfReleases();
        Rewrite(Path.Combine(releases, "1.0.0", "release.json"), "\"*.bin\"", "\"*.hex\"");

        AssertFailsKeepingSite(["--releases-dir=" + releases], BuildErrorCode.InvalidReleases, "releases/1.0.0/release.json: $.image: patterns", "match no file");
    }

    [Fact]
    public void Image_glob_matching_several_files()
    {
        var releases = fixture.CopyOfReleases();
        File.WriteAllBytes(Path.Combine(releases, "1.1.0", "bootloader.bin"), [1, 2, 3]);

        AssertFailsKeepingSite(["--releases-dir=" + releases], BuildErrorCode.InvalidReleases, "releases/1.1.0/release.json: $.image: patterns", "match 2 files");
    }

    [Fact]
    public void Duplicate_version()
    {
        var releases = fixture.CopyOfReleases();
        var copy = Path.Combine(releases, "1.2.0+rebuild");
        SiteSnapshot.Copy(Path.Combine(releases, "1.2.0"), copy);
        Rewrite(Path.Combine(copy, "release.json"), "\"1.2.0\"", "\"1.2.0+rebuild\"");

        AssertFailsKeepingSite(["--releases-dir=" + releases], BuildErrorCode.InvalidReleases, "release.json: $.version:", "duplicates version");
    }

    [Fact]
    public void Security_version_lower_than_an_earlier_release_in_the_channel()
    {
        var releases = fixture.CopyOfReleases();
        Rewrite(Path.Combine(releases, "1.1.0", "release.json"), "\"securityVersion\": 1", "\"securityVersion\": 0");

        AssertFailsKeepingSite(["--releases-dir=" + releases], BuildErrorCode.InvalidReleases,
            "releases/1.1.0/release.json: $.securityVersion: 0 is lower than 1 of the earlier release 1.0.0", "channel \"stable\"");
    }

    [Fact]
    public void Missing_release_key_file()
    {
        var missing = Path.Combine(fixture.NewFolder("nokey"), "release.key");

        AssertFailsKeepingSite([$"--keys-dir={fixture.RealKeys.KeysDir}", $"--release-key={missing}"], BuildErrorCode.MissingKey,
            $"The release key file '{missing}' does not exist.");
    }

    [Fact]
    public void Release_key_of_the_wrong_size_in_the_environment()
    {
        var environment = new Dictionary<string, string> { [ReleaseKeySource.EnvironmentVariable] = Convert.ToBase64String(new byte[16]) };

        AssertFailsKeepingSite([$"--keys-dir={fixture.RealKeys.KeysDir}"], BuildErrorCode.InvalidKey,
            $"The key in {ReleaseKeySource.EnvironmentVariable} is 16 bytes; it must be 32 bytes.", environment: environment);
    }

    [Fact]
    public void Release_target_without_any_key()
    {
        AssertFailsKeepingSite(["--target=Release"], BuildErrorCode.MissingKey, "No release signing key was given.", ReleaseKeySource.EnvironmentVariable);
    }

    [Fact]
    public void Root_threshold_the_given_keys_cannot_meet()
    {
        var keys = TestKeysFolder.Create(fixture.NewFolder("threshold"), PipelineFixture.Now, releaseKeyCount: 2, releaseThreshold: 2);

        AssertFailsKeepingSite(keys.BuildArguments, BuildErrorCode.ThresholdNotMet,
            "1 key(s) given; root version 1's release role needs 2");
    }

    [Fact]
    public void Recipient_with_a_low_order_public_key()
    {
        var keys = TestKeysFolder.Create(fixture.NewFolder("low-order"), PipelineFixture.Now);
        File.WriteAllText(Path.Combine(keys.KeysDir, RecipientRegistry.FileName),
            $$"""{"recipients": [{"name": "broken-device", "kind": "device", "publicKey": "{{new string('0', 64)}}"}]}""");

        AssertFailsKeepingSite(keys.BuildArguments, BuildErrorCode.InvalidRecipients,
            "Recipient 'broken-device' (device, id ", "recipients.json cannot receive a content key", "low order");
    }

    private void AssertFailsKeepingSite(string[] arguments, BuildErrorCode code, string fragment, params string[] moreFragments) =>
        AssertFailsKeepingSite(arguments, code, [fragment, .. moreFragments], environment: null);

    private void AssertFailsKeepingSite(string[] arguments, BuildErrorCode code, string fragment, IReadOnlyDictionary<string, string> environment) =>
        AssertFailsKeepingSite(arguments, code, [fragment], environment);

    private void AssertFailsKeepingSite(string[] arguments, BuildErrorCode code, string[] fragments, IReadOnlyDictionary<string, string>? environment)
    {
        var site = fixture.CopyOfSite();
        var before = SiteSnapshot.Take(site);

        var run = PipelineRun.Execute([.. fixture.Arguments(site), .. arguments], environment);

        run.AssertOneError(code, fragments);
        SiteSnapshot.AssertSame(before, SiteSnapshot.Take(site));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(Path.GetDirectoryName(site)!).Select(Path.GetFileName));
    }

    private static void Rewrite(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }
}
