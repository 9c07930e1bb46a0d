using System.Diagnostics;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Support;

namespace SecureOta.Tests.Maintainer;

/// <summary>
/// Issue 10: a maintainer's own repository. A copy of the repository's tracked files (what a fork or a
/// new checkout holds) with releases of its own instead of the samples goes through section 3 of
/// docs/OPERATIONS.md with the build's default folders: InitRoot, a registered device, a rollout,
/// approvals, then the real-keys Release and a read-only Verify of what it published.
/// </summary>
public sealed class MaintainerRepositoryTests : IDisposable
{
    private const string Now = "2026-11-21T00:00:00Z";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_copy_of_the_repository_with_its_own_releases_passes_InitRoot_AddDevice_Rollout_Approve_and_a_real_keys_Release()
    {
        CommandLineTools.Require(nameof(MaintainerRepositoryTests), "git");
        var repo = CopyTrackedFiles(_temp.Combine("repo"));
        // Whatever the repository's own releases and keys hold, this one starts as a new maintainer's does:
        // releases of its own (the samples' realistic images without the sample mark, plus the doc's example
        // 1.3.0), no root and no recipient yet, and the pinned CAs it chooses.
        foreach (var folder in new[] { "releases", Path.Combine("keys", "root"), Path.Combine("keys", "tls-anchors") })
            if (Directory.Exists(Path.Combine(repo, folder))) Directory.Delete(Path.Combine(repo, folder), recursive: true);
        foreach (var file in new[] { "recipients.json", "content-secrets.json" }) File.Delete(Path.Combine(repo, "keys", file));
        TestAnchors.CopyInto(Path.Combine(repo, "keys"));
        TestReleases.Write(Path.Combine(repo, "releases"));
        var own = Path.Combine(repo, "releases", "1.3.0");
        Directory.CreateDirectory(own);
        var image = File.ReadAllBytes(Path.Combine(repo, "releases", "1.2.0", "firmware.bin"));
        image[^100] ^= 0x5a;
        File.WriteAllBytes(Path.Combine(own, "door.bin"), image);
        File.WriteAllText(Path.Combine(own, "release.json"),
            """{"version": "1.3.0", "securityVersion": 2, "channels": ["stable"], "notes": "What changed.", "image": {"include": ["*.bin"], "exclude": []}}""");
        var offline = _temp.Combine("offline");

        Run(repo, "--target=InitRoot", "--product=acme-door", $"--out={offline}", "--root-keys=3", "--root-threshold=2");
        Run(repo, "--target=NewKey", "--kind=x25519", $"--out={Path.Combine(offline, "door-17.key")}");
        Run(repo, "--target=AddDevice", "--name=door-17", $"--key={Path.Combine(offline, "door-17.key.pub")}");
        Run(repo, "--target=Rollout", "--channel=stable", "--percent=10");
        var approvalKey = Directory.GetFiles(offline, "approval-*.key").Order(StringComparer.Ordinal).First();
        foreach (var version in new[] { "1.0.0", "1.1.0", "1.2.0", "1.3.0" })
            Run(repo, "--target=Approve", $"--release={version}", $"--approval-key={approvalKey}");
        var releaseKey = Directory.GetFiles(offline, "release-*.key").Single();
        var secret = Path.Combine(offline, "content-secret.key");

        var release = Run(repo, "--target=Release", $"--release-key={releaseKey}", $"--content-secret={secret}");

        Assert.Contains("The site verified as a device runs it.", release.OutputText, StringComparison.Ordinal);
        var stable = File.ReadAllText(Path.Combine(repo, "site", "ota", "v2", "channels", "stable.json"));
        Assert.Contains("1.3.0", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(
            System.Text.Json.JsonDocument.Parse(stable).RootElement.GetProperty("payload").GetString()!)), StringComparison.Ordinal);
        var site = Directory.GetFiles(Path.Combine(repo, "site"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        Run(repo, "--target=Verify", $"--content-secret={secret}", $"--device-key={Path.Combine(offline, "door-17.key")}");

        Assert.All(site, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    private static TestConsoles Run(string repo, params string[] args)
    {
        var (exit, consoles) = BuildProgram.Run(repo, [.. args, $"--now={Now}", $"--demo-keys-dir={Path.Combine(repo, ".demo-keys")}"]);
        Assert.True(exit == (int)ExitCode.Success, $"{string.Join(' ', args)} exited {exit}\n{consoles.AllText}");
        return consoles;
    }

    /// <summary>The repository's tracked files (git ls-files), as a clone has them, minus the folders the build never reads.</summary>
    private static string CopyTrackedFiles(string to)
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", RepositoryRoot.FullPath, "ls-files", "-z"]) { RedirectStandardOutput = true })!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        foreach (var file in files.Where(f => !f.StartsWith("tests/", StringComparison.Ordinal) && !f.StartsWith("device/", StringComparison.Ordinal)))
        {
            var source = Path.Combine(RepositoryRoot.FullPath, file);
            if (!File.Exists(source)) continue; // deleted in the working tree, not yet committed
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        return to;
    }
}
