using System.Text.Json;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Keys;

/// <summary>
/// Release approvals as maintainers make them (docs/PROTOCOL.md section 6a): the Approve target signs a
/// release's identity with one approval key at a time into releases/&lt;version&gt;/approval.json, a real-keys
/// build refuses a release without a threshold of them, and what it publishes a device accepts (P1-P6).
/// </summary>
public sealed class ApprovalTargetTests : IDisposable
{
    private readonly CeremonyWorkspace _workspace = new();
    private readonly string _releaseKey;

    public ApprovalTargetTests()
    {
        var (exit, consoles) = _workspace.Run("--target=InitRoot", $"--out={_workspace.Offline}", "--product=acme-door",
            "--approval-keys=2", "--approval-threshold=2");
        Assert.True(exit == 0, consoles.AllText);
        _releaseKey = Directory.GetFiles(_workspace.Offline, "release-*.key").Single();
        _workspace.RegisterRecipient();
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Release_build_refuses_releases_under_the_approval_threshold_naming_each_and_the_command()
    {
        Approve("1.2.0", _workspace.ApprovalKeys[0]);

        var (exit, consoles) = Build();

        Assert.Equal((int)ExitCode.TaskFailed, exit);
        Assert.Contains($"error [{BuildErrorCode.ReleaseNotApproved}]", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("1 of the 2 approval keys", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("--target=Approve --release=<version>", consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workspace.Temp, "site")), "a refused build wrote a site");
    }

    [Fact]
    public void Two_maintainers_approving_in_turn_make_a_release_the_build_publishes_and_a_device_accepts()
    {
        Approve("1.2.0", _workspace.ApprovalKeys[0]);
        var (_, second) = Approve("1.2.0", _workspace.ApprovalKeys[1]);
        Assert.Contains("2 of 2 approval(s) needed", second.AllText, StringComparison.Ordinal);
        using var approval = JsonDocument.Parse(File.ReadAllBytes(ApprovalFile("1.2.0")));
        Assert.Equal(2, approval.RootElement.GetProperty("signatures").GetArrayLength());

        var (exit, consoles) = Build();

        Assert.True(exit == 0, consoles.AllText);
        Assert.True(RootVerifier.TryLoadTrusted(File.ReadAllBytes(Path.Combine(_workspace.RootDir, "1.json")), out var root, out _));
        Assert.Equal("acme-door", root.Product);
        var envelope = File.ReadAllBytes(Path.Combine(_workspace.Temp, "site", "ota", "v2", "channels", "stable.json"));
        Assert.True(ChannelManifestVerifier.TryVerify(envelope, root, "stable", 0, 0, 1_795_219_200, out var verified, out var failure), failure?.ToString());
        Assert.True(ReleaseApprovalVerifier.TryVerify(root, verified.Manifest.Release, out var identity, out failure), failure?.ToString());
        Assert.Equal(("acme-door", "1.2.0"), (identity.Product, identity.Version));
    }

    [Fact]
    public void Approval_of_an_image_that_changed_since_is_replaced_not_counted()
    {
        Approve("1.2.0", _workspace.ApprovalKeys[0]);
        var image = Path.Combine(_workspace.ReleasesDir, "1.2.0", "firmware.bin");
        var bytes = File.ReadAllBytes(image);
        bytes[100] ^= 0xff;
        File.WriteAllBytes(image, bytes);

        var (exit, consoles) = Approve("1.2.0", _workspace.ApprovalKeys[1]);

        Assert.Equal(0, exit);
        Assert.Contains("approved another identity", consoles.AllText, StringComparison.Ordinal);
        Assert.Contains("1 of 2 approval(s) needed", consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_refuses_a_key_outside_the_approval_role_and_writes_nothing()
    {
        var (exit, consoles) = _workspace.Run("--target=Approve", "--release=1.2.0", $"--approval-key={_releaseKey}");

        Assert.Equal((int)ExitCode.TaskFailed, exit);
        Assert.Contains("not in root version 1's approval role", consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(ApprovalFile("1.2.0")));
    }

    private (int ExitCode, TestConsoles Consoles) Approve(string version, string keyFile)
    {
        var result = _workspace.Run("--target=Approve", $"--release={version}", $"--approval-key={keyFile}");
        Assert.True(result.ExitCode == 0, result.Consoles.AllText);
        return result;
    }

    private (int ExitCode, TestConsoles Consoles) Build() =>
        _workspace.Run("--target=Release", $"--release-key={_releaseKey}", _workspace.ContentSecretArgument);

    private string ApprovalFile(string version) => Path.Combine(_workspace.ReleasesDir, version, "approval.json");
}
