using System.Text.Json;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Keys;

/// <summary>
/// Secrets rotate on their own (docs/SECURITY.md, DESIGN.md trust model v2): rotating the release (CI)
/// signing key changes no content key, blob, wrapped key or rollout cohort; rotating the content-key
/// secret (RotateContentSecret) changes the keys of the releases from its first release on only.
/// </summary>
public sealed class SecretRotationTests : IDisposable
{
    private readonly CeremonyWorkspace _workspace = new();
    private readonly string[] _rootKeys;
    private readonly string _releaseKey;

    public SecretRotationTests()
    {
        (_rootKeys, _releaseKey) = _workspace.InitRoot();
        _workspace.RegisterRecipient();
    }

    public void Dispose() => _workspace.Dispose();

    private string SiteDir => Path.Combine(_workspace.Temp, "site");

    [Fact]
    public void Rotating_the_release_key_keeps_every_content_key_blob_wrapped_key_and_rollout_salt()
    {
        Succeed(Build(_releaseKey, _workspace.ContentSecretArgument));
        var before = Published();
        var replacement = Path.Combine(_workspace.Temp, "offline-new", "release-2.key");
        Succeed(_workspace.Run("--target=NewKey", $"--out={replacement}"));
        var oldId = RootKeyIds("release").Single();
        Succeed(_workspace.Run("--target=RevokeReleaseKey", $"--key-id={oldId}", $"--key={replacement}.pub", $"--root-key={_rootKeys[0]}",
            $"--root-key={_rootKeys[1]}"));

        Succeed(Build(replacement, _workspace.ContentSecretArgument));

        var after = Published();
        Assert.Equal(before.Blobs, after.Blobs);
        Assert.Equal(before.WrappedKeys, after.WrappedKeys);
        Assert.Equal(before.Salts, after.Salts);
        Assert.Equal(before.KeyChecks, after.KeyChecks);
        Assert.NotEqual(before.Signers, after.Signers);
    }

    [Fact]
    public void Rotating_the_content_secret_changes_only_the_keys_of_releases_from_its_first_release_on()
    {
        Succeed(Build(_releaseKey, _workspace.ContentSecretArgument));
        var before = Published();
        var newSecret = Path.Combine(_workspace.Temp, "offline-new", "content-2.key");
        Succeed(_workspace.Run("--target=NewKey", "--kind=secret", $"--out={newSecret}"));
        Succeed(_workspace.Run("--target=RotateContentSecret", "--first-release=1.2.0", $"--new-content-secret={newSecret}",
            _workspace.ContentSecretArgument));

        Succeed(Build(_releaseKey, $"--content-secret={newSecret}", _workspace.ContentSecretArgument));

        var after = Published();
        Assert.Equal(before.KeyChecks["1.0.0"], after.KeyChecks["1.0.0"]);
        Assert.Equal(before.KeyChecks["1.1.0"], after.KeyChecks["1.1.0"]);
        Assert.NotEqual(before.KeyChecks["1.2.0"], after.KeyChecks["1.2.0"]);
        Assert.Equal(before.WrappedKeys.Where(k => !k.StartsWith("1.2.0/", StringComparison.Ordinal)),
            after.WrappedKeys.Where(k => !k.StartsWith("1.2.0/", StringComparison.Ordinal)));
        Assert.Equal(2, before.Blobs.Intersect(after.Blobs).Count());
        Assert.Equal(before.Salts, after.Salts);
    }

    [Fact]
    public void After_a_content_secret_rotation_a_build_without_the_old_secret_names_the_releases_it_cannot_derive()
    {
        var newSecret = Path.Combine(_workspace.Temp, "offline-new", "content-2.key");
        Succeed(_workspace.Run("--target=NewKey", "--kind=secret", $"--out={newSecret}"));
        Succeed(_workspace.Run("--target=RotateContentSecret", "--first-release=1.2.0", $"--new-content-secret={newSecret}",
            _workspace.ContentSecretArgument));

        var (exit, consoles) = Build(_releaseKey, $"--content-secret={newSecret}");

        Assert.Equal((int)ExitCode.TaskFailed, exit);
        Assert.Contains($"error [{BuildErrorCode.MissingKey}]", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Release 1.0.0's content keys come from the content-key secret", consoles.ErrorText, StringComparison.Ordinal);
    }

    private (int ExitCode, TestConsoles Consoles) Build(string releaseKey, params string[] secrets) =>
        _workspace.Run(["--target=Release", $"--release-key={releaseKey}", .. secrets]);

    private string[] RootKeyIds(string role)
    {
        var newest = Directory.GetFiles(Path.Combine(_workspace.KeysDir, "root"), "*.json").OrderBy(f => f.Length).ThenBy(f => f).Last();
        using var envelope = JsonDocument.Parse(File.ReadAllBytes(newest));
        using var payload = JsonDocument.Parse(envelope.RootElement.GetProperty("payload").GetBytesFromBase64());
        return payload.RootElement.GetProperty("roles").GetProperty(role).GetProperty("keyIds").EnumerateArray().Select(k => k.GetString()!).ToArray();
    }

    /// <summary>What a deploy publishes that content keys and salts decide, and who signed the manifests.</summary>
    private (string[] Blobs, string[] WrappedKeys, Dictionary<string, string> KeyChecks, string[] Salts, string[] Signers) Published()
    {
        var ota = Path.Combine(SiteDir, "ota", "v2");
        var blobs = Directory.GetFiles(Path.Combine(ota, "blobs")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        var keysRoot = Path.Combine(ota, "keys");
        var wrapped = Directory.GetFiles(keysRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(keysRoot, f).Replace('\\', '/') + ":" + Convert.ToHexStringLower(File.ReadAllBytes(f)))
            .Order(StringComparer.Ordinal).ToArray();
        var keyChecks = new Dictionary<string, string>(StringComparer.Ordinal);
        var salts = new List<string>();
        var signers = new List<string>();
        foreach (var manifest in Directory.GetFiles(Path.Combine(ota, "channels")).Order(StringComparer.Ordinal))
        {
            using var envelope = JsonDocument.Parse(File.ReadAllBytes(manifest));
            using var payload = JsonDocument.Parse(envelope.RootElement.GetProperty("payload").GetBytesFromBase64());
            var release = payload.RootElement.GetProperty("release");
            keyChecks[release.GetProperty("version").GetString()!] = release.GetProperty("keyCheck").GetString()!;
            salts.Add(payload.RootElement.GetProperty("rollout").GetProperty("salt").GetString()!);
            signers.Add(envelope.RootElement.GetProperty("signatures")[0].GetProperty("keyid").GetString()!);
        }
        // Releases no channel points at have no key check in a manifest: their wrapped key files (E and the wrapped
        // content key, both derived from the content-key secret) stand for their content key.
        foreach (var version in new[] { "1.0.0", "1.1.0" }) keyChecks[version] = string.Join(",", wrapped.Where(k => k.StartsWith(version + "/", StringComparison.Ordinal)));
        return (blobs, wrapped, keyChecks, salts.ToArray(), signers.ToArray());
    }

    private static void Succeed((int ExitCode, TestConsoles Consoles) run) => Assert.True(run.ExitCode == 0, run.Consoles.AllText);
}
