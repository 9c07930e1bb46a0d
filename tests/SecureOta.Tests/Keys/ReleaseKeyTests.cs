using SecureOta.Build.Keys;

namespace SecureOta.Tests.Keys;

/// <summary>How LoadKeys finds and checks the release signing key, and refuses what it must.</summary>
public sealed class ReleaseKeyTests
{
    private const string Variable = ReleaseKeySource.EnvironmentVariable;

    [Fact]
    public void Release_key_from_the_environment_is_accepted_when_the_root_lists_it()
    {
        using var workspace = new CeremonyWorkspace();
        var (_, releaseKey) = workspace.InitRoot();
        workspace.RegisterRecipient();

        var (exit, consoles) = workspace.Run(Env(CeremonyWorkspace.KeyText(releaseKey)), "--target=LoadKeys", "--require-release-key");

        Assert.True(exit == 0, consoles.AllText);
        Assert.Contains("from SECUREOTA_RELEASE_KEY", consoles.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(CeremonyWorkspace.KeyText(releaseKey), consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_release_key_is_refused_after_rotation()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, oldRelease) = workspace.InitRoot();
        workspace.RegisterRecipient();
        var newRelease = Path.Combine(workspace.Temp, "release2.key");
        Assert.Equal(0, workspace.Run("--target=NewKey", $"--out={newRelease}").ExitCode);
        var oldId = RootHistory.Load(workspace.RootDir, p => p).Newest.ReleaseRole.GetKeyId(0);
        Assert.Equal(0, workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[2]}",
            $"--add-release-key={newRelease}.pub", $"--remove-release-key={oldId}").ExitCode);

        var (exit, consoles) = workspace.Run(Env(CeremonyWorkspace.KeyText(oldRelease)), "--target=LoadKeys");

        Assert.Equal(1, exit);
        Assert.Contains($"key id {oldId} is not in root version 2's release role", consoles.AllText, StringComparison.Ordinal);
        Assert.Equal(0, workspace.Run(Env(CeremonyWorkspace.KeyText(newRelease)), "--target=LoadKeys").ExitCode);
    }

    [Fact]
    public void Release_target_without_a_key_names_what_to_set()
    {
        using var workspace = new CeremonyWorkspace();

        var (exit, consoles) = workspace.Run("--target=LoadKeys", "--require-release-key");

        Assert.Equal(1, exit);
        Assert.Contains("No release signing key was given", consoles.AllText, StringComparison.Ordinal);
        Assert.Contains(Variable, consoles.AllText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace.Temp, "demo")), "no DEMO keys may be made for a release");
    }

    [Fact]
    public void Wrong_sized_release_key_is_refused_without_echoing_it()
    {
        using var workspace = new CeremonyWorkspace();
        workspace.InitRoot();
        var sixteenBytes = Convert.ToBase64String(new byte[16] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });

        var (exit, consoles) = workspace.Run(Env(sixteenBytes), "--target=LoadKeys");

        Assert.Equal(1, exit);
        Assert.Contains("is 16 bytes; it must be 32 bytes", consoles.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(sixteenBytes, consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_release_key_file_is_named()
    {
        using var workspace = new CeremonyWorkspace();
        workspace.InitRoot();
        var missing = Path.Combine(workspace.Temp, "nope.key");

        var (exit, consoles) = workspace.Run("--target=LoadKeys", $"--release-key={missing}");

        Assert.Equal(1, exit);
        Assert.Contains($"The release key file '{missing}' does not exist", consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_build_without_registered_recipients_is_refused()
    {
        using var workspace = new CeremonyWorkspace();
        var (_, releaseKey) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run(Env(CeremonyWorkspace.KeyText(releaseKey)), "--target=LoadKeys");

        Assert.Equal(1, exit);
        Assert.Contains("No recipients are registered", consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_keys_are_made_once_labelled_DEMO_and_reused()
    {
        using var workspace = new CeremonyWorkspace();

        var first = workspace.Run("--target=LoadKeys");
        var second = workspace.Run("--target=LoadKeys");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Generated DEMO keys", first.Consoles.AllText, StringComparison.Ordinal);
        Assert.Contains("Using DEMO keys", second.Consoles.AllText, StringComparison.Ordinal);
        var demo = Path.Combine(workspace.Temp, "demo");
        foreach (var file in Directory.GetFiles(demo, "*.key"))
        {
            Assert.StartsWith("DEMO-", Path.GetFileName(file), StringComparison.Ordinal);
            Assert.Contains("DEMO", File.ReadAllText(file), StringComparison.Ordinal);
        }
        var keyId = System.Text.RegularExpressions.Regex.Match(first.Consoles.AllText, "Release keys: ([0-9a-f]{16})").Groups[1].Value;
        Assert.Contains($"Release keys: {keyId}", second.Consoles.AllText, StringComparison.Ordinal);
    }

    /// <summary>The release key in SECUREOTA_RELEASE_KEY, with a content-key secret beside it as CI holds both.</summary>
    private static Dictionary<string, string> Env(string value) => new()
    {
        [Variable] = value,
        [SecureOta.Build.Keys.ContentSecretSource.EnvironmentVariable] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()),
    };
}
