using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Keys;
using SecureOta.Tests.Support;

namespace SecureOta.Tests.Reports;

/// <summary>SignRoot names, changes and removes the report collector of the next root (docs/PROTOCOL.md section 5).</summary>
public sealed class CollectorCeremonyTests
{
    private static TrustedRoot Root(CeremonyWorkspace workspace, int version)
    {
        var envelope = File.ReadAllBytes(Path.Combine(workspace.RootDir, version + ".json"));
        Assert.True(RootVerifier.TryLoadTrusted(envelope, out var root, out var failure), failure?.ToString());
        return root;
    }

    /// <summary>
    /// One CA for the collector's host: the root's own four anchors and four more for the collector would pass
    /// the 20 KiB root envelope limit (PROTOCOL.md section 11, Heap), which SignRoot refuses.
    /// </summary>
    private static string CollectorAnchors(CeremonyWorkspace workspace)
    {
        var folder = Path.Combine(workspace.Temp, "collector-anchors");
        Directory.CreateDirectory(folder);
        var first = Directory.GetFiles(TestAnchors.Folder, "*.pem").Order(StringComparer.Ordinal).First();
        File.Copy(first, Path.Combine(folder, Path.GetFileName(first)));
        return folder;
    }

    private static string CollectorKey(CeremonyWorkspace workspace)
    {
        var file = Path.Combine(workspace.Temp, "collector.key");
        var (exit, consoles) = workspace.Run("--target=NewKey", "--kind=x25519", $"--out={file}");
        Assert.True(exit == 0, consoles.AllText);
        return file + ".pub";
    }

    [Fact]
    public void SignRoot_names_then_removes_the_collector()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();
        var keyFile = CollectorKey(workspace);

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}",
            "--collector-url=https://collector.example.com/", $"--collector-key={keyFile}", $"--collector-anchors={CollectorAnchors(workspace)}");

        Assert.True(exit == 0, consoles.AllText);
        var collector = Root(workspace, 2).Collector;
        Assert.NotNull(collector);
        Assert.Equal("https://collector.example.com/", collector.Url);
        Assert.Equal(File.ReadAllLines(keyFile).Single(l => !l.StartsWith('#')), Convert.ToHexStringLower(collector.GetKey()));
        Assert.Equal(1, collector.TlsAnchorCount);

        (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}",
            "--collector-url=https://reports.example.com/v2/");
        Assert.True(exit == 0, consoles.AllText);
        Assert.Equal("https://reports.example.com/v2/", Root(workspace, 3).Collector!.Url);
        Assert.Equal(collector.GetKey(), Root(workspace, 3).Collector!.GetKey());

        (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}", "--remove-collector");
        Assert.True(exit == 0, consoles.AllText);
        Assert.Null(Root(workspace, 4).Collector);
    }

    [Fact]
    public void Adding_a_collector_needs_its_url_key_and_anchors()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}",
            "--collector-url=https://collector.example.com/");

        Assert.Equal((int)ExitCode.InvalidCommandLine, exit);
        Assert.Contains("--collector-key", consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "2.json")));
    }

    [Fact]
    public void InitRoot_refuses_a_collector_url_devices_would_refuse()
    {
        using var workspace = new CeremonyWorkspace();
        var keyFile = CollectorKey(workspace);

        var (exit, consoles) = workspace.Run("--target=InitRoot", $"--out={workspace.Offline}", "--collector-url=http://collector.example.com/",
            $"--collector-key={keyFile}", $"--collector-anchors={TestAnchors.Folder}");

        Assert.Equal((int)ExitCode.InvalidCommandLine, exit);
        Assert.Contains("--collector-url", consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "1.json")));
    }
}
