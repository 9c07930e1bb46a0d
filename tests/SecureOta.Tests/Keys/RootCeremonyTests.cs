using SecureOta.Build.Keys;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Tests.Keys;

/// <summary>InitRoot and SignRoot: the offline ceremonies that create and rotate the root of trust.</summary>
public sealed class RootCeremonyTests
{
    [Fact]
    public void InitRoot_signs_root_version_1_that_a_device_loads()
    {
        using var workspace = new CeremonyWorkspace();
        workspace.InitRoot();

        var envelope = File.ReadAllBytes(Path.Combine(workspace.RootDir, "1.json"));
        Assert.True(RootVerifier.TryLoadTrusted(envelope, out var root, out var failure), failure?.ToString());
        Assert.Equal(1, root.Version);
        Assert.Equal(2, root.RootRole.Threshold);
        Assert.Equal(3, root.RootRole.KeyCount);
        Assert.Equal(1, root.ReleaseRole.KeyCount);
        Assert.Equal(4, root.TlsAnchorCount);
    }

    [Fact]
    public void InitRoot_writes_private_keys_only_to_the_offline_folder_readable_by_the_owner()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, releaseKey) = workspace.InitRoot();

        Assert.Equal(3, rootKeys.Length);
        Assert.Empty(Directory.GetFiles(workspace.KeysDir, "*.key", SearchOption.AllDirectories));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in rootKeys.Append(releaseKey))
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        var published = File.ReadAllText(Path.Combine(workspace.RootDir, "1.json"));
        foreach (var file in rootKeys.Append(releaseKey))
            Assert.DoesNotContain(CeremonyWorkspace.KeyText(file), published, StringComparison.Ordinal);
    }

    [Fact]
    public void InitRoot_refuses_to_write_private_keys_inside_the_repository()
    {
        using var workspace = new CeremonyWorkspace();
        var inside = Path.Combine(RepositoryRoot.FullPath, "offline-keys-test");

        var (exit, consoles) = workspace.Run("--target=InitRoot", $"--out={inside}");

        Assert.Equal(2, exit);
        Assert.Contains("inside the repository", consoles.AllText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(inside));
        Assert.False(Directory.Exists(workspace.RootDir));
    }

    [Fact]
    public void InitRoot_refuses_a_threshold_above_the_number_of_keys()
    {
        using var workspace = new CeremonyWorkspace();

        var (exit, consoles) = workspace.Run("--target=InitRoot", $"--out={workspace.Offline}", "--root-keys=2", "--root-threshold=3");

        Assert.Equal(2, exit);
        Assert.Contains("--root-threshold=3", consoles.AllText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Offline));
    }

    [Fact]
    public void InitRoot_refuses_to_replace_an_existing_root()
    {
        using var workspace = new CeremonyWorkspace();
        workspace.InitRoot();
        var before = File.ReadAllBytes(Path.Combine(workspace.RootDir, "1.json"));

        var (exit, consoles) = workspace.Run("--target=InitRoot", $"--out={workspace.Temp}/offline2");

        Assert.Equal(1, exit);
        Assert.Contains("SignRoot", consoles.AllText, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(workspace.RootDir, "1.json")));
    }

    [Fact]
    public void Rotated_root_is_followed_by_a_device_holding_the_old_root()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, releaseKey) = workspace.InitRoot();
        var newRelease = Path.Combine(workspace.Temp, "release2.key");
        Assert.Equal(0, workspace.Run("--target=NewKey", $"--out={newRelease}").ExitCode);
        var oldId = RootHistory.Load(workspace.RootDir, p => p).Newest.ReleaseRole.GetKeyId(0);

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}",
            $"--add-release-key={newRelease}.pub", $"--remove-release-key={oldId}");

        Assert.True(exit == 0, consoles.AllText);
        var v1 = File.ReadAllBytes(Path.Combine(workspace.RootDir, "1.json"));
        var v2 = File.ReadAllBytes(Path.Combine(workspace.RootDir, "2.json"));
        Assert.True(RootVerifier.TryLoadTrusted(v1, out var provisioned, out _));
        Assert.True(RootVerifier.TryAcceptNext(provisioned, v2, out var next, out var failure), failure?.ToString());
        Assert.Equal(2, next.Version);
        Assert.False(next.ReleaseRole.Contains(oldId));
        Assert.Equal(1, next.ReleaseRole.KeyCount);
    }

    [Fact]
    public void SignRoot_below_the_old_root_threshold_writes_nothing()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", "--release-threshold=1");

        Assert.Equal(1, exit);
        Assert.Contains("R4", consoles.AllText, StringComparison.Ordinal);
        Assert.Contains("ThresholdNotMet", consoles.AllText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "2.json")));
    }

    [Fact]
    public void SignRoot_refuses_a_key_outside_both_roots()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, releaseKey) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={releaseKey}", "--expires-days=365");

        Assert.Equal(1, exit);
        Assert.Contains("in neither root version 1 nor 2", consoles.AllText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "2.json")));
    }

    [Fact]
    public void SignRoot_refuses_a_root_over_20_KiB_naming_the_limit_and_what_takes_the_room_and_writes_nothing()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();
        var added = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            var key = Path.Combine(workspace.Temp, $"approval{i}.key");
            Assert.Equal(0, workspace.Run("--target=NewKey", $"--out={key}").ExitCode);
            added.Add($"--add-approval-key={key}.pub");
        }

        var (exit, consoles) = workspace.Run(["--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}", .. added]);

        Assert.True(exit != 0, consoles.AllText);
        Assert.True(consoles.AllText.Contains("at most 20480 bytes", StringComparison.Ordinal), consoles.AllText);
        Assert.True(consoles.AllText.Contains("split points", StringComparison.Ordinal), consoles.AllText);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "2.json")));
    }
}
