using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Keys;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The named root ceremonies (AddReleaseKey, RevokeReleaseKey, RotateRootKeys, ChangePinnedCAs): each
/// writes the next signed root version, which a device holding an older root follows, and which
/// changes what the device accepts.
/// </summary>
public sealed class CeremonyTargetTests : IDisposable
{
    private const long Now = 1_795_219_200; // 2026-11-21, CeremonyWorkspace's --now
    private readonly CeremonyWorkspace _workspace = new();
    private readonly string[] _rootKeys;
    private readonly string _releaseKey;

    public CeremonyTargetTests()
    {
        (_rootKeys, _releaseKey) = _workspace.InitRoot();
    }

    [Fact]
    public void A_revoked_release_keys_manifests_are_refused_once_the_device_walks_to_the_new_root()
    {
        _workspace.RegisterRecipient();
        Succeed(_workspace.Run("--target=Default", $"--release-key={_releaseKey}", _workspace.ContentSecretArgument));
        var signedByOldKey = File.ReadAllBytes(Path.Combine(_workspace.Temp, "site", "ota", "v2", "channels", "stable.json"));
        var provisioned = Root(1);
        Assert.True(Accepts(provisioned, signedByOldKey), "root version 1 lists the key that signed the manifest");

        var replacement = NewKey("release-2.key");
        var oldId = provisioned.ReleaseRole.GetKeyId(0);
        var environment = new Dictionary<string, string> { ["ROOT_KEY_B"] = CeremonyWorkspace.KeyText(_rootKeys[1]) };
        var ceremony = _workspace.Run(environment, "--target=RevokeReleaseKey", $"--key-id={oldId}", $"--key={replacement}.pub",
            $"--root-key={_rootKeys[0]}", "--root-key-env=ROOT_KEY_B");
        Succeed(ceremony);
        Assert.DoesNotContain(CeremonyWorkspace.KeyText(_rootKeys[1]), ceremony.Consoles.AllText, StringComparison.Ordinal);

        var walked = Walk(provisioned, 2);
        Assert.False(ChannelManifestVerifier.TryVerify(signedByOldKey, walked, "stable", 0, 0, Now, out _, out var failure));
        Assert.Equal(VerificationError.SignatureThreshold, failure.Error);
        Assert.Equal("C4", failure.Step);

        var refused = _workspace.Run("--target=Default", $"--release-key={_releaseKey}", _workspace.ContentSecretArgument);
        Assert.Equal((int)ExitCode.TaskFailed, refused.ExitCode);
        Assert.Contains("not in root version 2's release role", refused.Consoles.ErrorText, StringComparison.Ordinal);

        Succeed(_workspace.Run("--target=Default", $"--release-key={replacement}", _workspace.ContentSecretArgument));
        var signedByNewKey = File.ReadAllBytes(Path.Combine(_workspace.Temp, "site", "ota", "v2", "channels", "stable.json"));
        Assert.True(Accepts(walked, signedByNewKey));
    }

    [Fact]
    public void AddReleaseKey_lists_one_more_release_key_and_a_new_threshold()
    {
        var added = NewKey("release-2.key");

        Succeed(_workspace.Run("--target=AddReleaseKey", $"--key={added}.pub", "--release-threshold=2", $"--root-key={_rootKeys[0]}", $"--root-key={_rootKeys[2]}"));

        var next = Walk(Root(1), 2);
        Assert.Equal(2, next.ReleaseRole.KeyCount);
        Assert.Equal(2, next.ReleaseRole.Threshold);
    }

    [Fact]
    public void A_device_provisioned_with_root_1_follows_two_root_key_rotations()
    {
        var d = NewKey("root-d.key");
        var e = NewKey("root-e.key");

        // v2: A leaves, D joins (threshold 2 of B, C, D); signed by 2 of v1 (A, B) and 2 of v2 (B, D).
        Succeed(_workspace.Run("--target=RotateRootKeys", $"--add-root-key={d}.pub", $"--remove-root-key={KeyId(_rootKeys[0])}",
            $"--root-key={_rootKeys[0]}", $"--root-key={_rootKeys[1]}", $"--root-key={d}"));
        // v3: only D and E remain (threshold 2), signed by 2 of v2 (C, D) and both of v3 (D, E).
        Succeed(_workspace.Run("--target=RotateRootKeys", $"--add-root-key={e}.pub", $"--remove-root-key={KeyId(_rootKeys[1])}", $"--remove-root-key={KeyId(_rootKeys[2])}",
            $"--root-key={_rootKeys[2]}", $"--root-key={d}", $"--root-key={e}"));

        var provisioned = Root(1);
        Assert.False(RootVerifier.TryAcceptNext(provisioned, File.ReadAllBytes(Path.Combine(_workspace.RootDir, "3.json")), out _, out var skipped));
        Assert.Equal("R4", skipped.Step);
        var newest = Walk(provisioned, 3);
        Assert.Equal(3, newest.Version);
        Assert.Equal(2, newest.RootRole.KeyCount);
        Assert.True(newest.RootRole.Contains(KeyId(d)));
        Assert.True(newest.RootRole.Contains(KeyId(e)));
        Assert.All(_rootKeys, file => Assert.False(newest.RootRole.Contains(KeyId(file))));
    }

    [Fact]
    public void RotateRootKeys_without_a_change_is_a_command_line_error()
    {
        var run = _workspace.Run("--target=RotateRootKeys", $"--root-key={_rootKeys[0]}", $"--root-key={_rootKeys[1]}");

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains("--add-root-key or --remove-root-key or --root-threshold is required", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_workspace.RootDir, "2.json")));
    }

    [Fact]
    public void ChangePinnedCAs_pins_the_certificates_now_in_tls_anchors()
    {
        var anchors = Path.Combine(_workspace.KeysDir, "tls-anchors");
        File.Delete(Path.Combine(anchors, "DigiCert_Global_Root_CA.pem"));

        Succeed(_workspace.Run("--target=ChangePinnedCAs", $"--root-key={_rootKeys[0]}", $"--root-key={_rootKeys[1]}"));

        var next = Walk(Root(1), 2);
        Assert.Equal(3, next.TlsAnchorCount);
        Assert.DoesNotContain(Enumerable.Range(0, next.TlsAnchorCount).Select(next.GetTlsAnchor), pem => pem == File.ReadAllText(Path.Combine(SecureOta.Tests.Support.TestAnchors.Folder, "DigiCert_Global_Root_CA.pem")));
    }

    [Fact]
    public void ChangePinnedCAs_with_the_pinned_set_unchanged_writes_nothing()
    {
        var run = _workspace.Run("--target=ChangePinnedCAs", $"--root-key={_rootKeys[0]}", $"--root-key={_rootKeys[1]}");

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains("exactly the pinned set already", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_workspace.RootDir, "2.json")));
    }

    [Fact]
    public void A_root_key_variable_that_is_not_set_is_named_and_nothing_is_signed()
    {
        File.Delete(Path.Combine(_workspace.KeysDir, "tls-anchors", "ISRG_Root_X1.pem"));

        var run = _workspace.Run("--target=ChangePinnedCAs", $"--root-key={_rootKeys[0]}", "--root-key-env=SECUREOTA_ROOT_KEY_B", "--tls-anchors=" + Path.Combine(_workspace.KeysDir, "tls-anchors"));

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Contains("The environment variable SECUREOTA_ROOT_KEY_B named by --root-key-env is not set", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_workspace.RootDir, "2.json")));
    }

    private TrustedRoot Root(int version)
    {
        Assert.True(RootVerifier.TryLoadTrusted(File.ReadAllBytes(Path.Combine(_workspace.RootDir, $"{version}.json")), out var root, out var failure), failure?.ToString());
        return root;
    }

    /// <summary>Walks from <paramref name="from"/> through roots/2.json .. <paramref name="to"/>.json as a device does.</summary>
    private TrustedRoot Walk(TrustedRoot from, int to)
    {
        var walk = new RootChainWalk(from);
        for (long version = from.Version + 1; version <= to; version++)
        {
            Assert.True(walk.TryAccept(File.ReadAllBytes(Path.Combine(_workspace.RootDir, $"{version}.json")), out var failure), failure?.ToString());
        }

        Assert.True(walk.TryFinish(Now, out var newest, out var expired), expired?.ToString());
        return newest;
    }

    private static bool Accepts(TrustedRoot root, byte[] manifest) =>
        ChannelManifestVerifier.TryVerify(manifest, root, "stable", 0, 0, Now, out _, out _);

    private string NewKey(string name)
    {
        var path = Path.Combine(_workspace.Temp, "offline-new", name);
        Succeed(_workspace.Run("--target=NewKey", $"--out={path}"));
        return path;
    }

    /// <summary>The key id of a key file, from its public key (NewKey's .pub, or InitRoot's "public key" comment).</summary>
    private static string KeyId(string keyFile)
    {
        var publicHex = File.Exists(keyFile + ".pub")
            ? File.ReadAllLines(keyFile + ".pub").Single(l => !l.StartsWith('#'))
            : File.ReadAllLines(keyFile).Single(l => l.StartsWith("# public key ", StringComparison.Ordinal))["# public key ".Length..];
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(publicHex.Trim())));
    }

    private static void Succeed((int ExitCode, Build.Support.TestConsoles Consoles) run) => Assert.True(run.ExitCode == 0, run.Consoles.AllText);

    public void Dispose() => _workspace.Dispose();
}
