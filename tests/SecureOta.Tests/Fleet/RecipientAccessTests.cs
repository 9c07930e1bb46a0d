using System.Security.Cryptography;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// Who can decrypt a release, checked as devices do it (the device core's KeyUnwrapper against the
/// keyCheck of a verified manifest): a removed device, and the old key of a rotated group, can no
/// longer decrypt the next release, while the remaining devices and the new group key can.
/// </summary>
public sealed class RecipientAccessTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();
    private readonly TestKeysFolder _keys;
    private readonly RecipientKey _door1 = NewKey();
    private readonly RecipientKey _door2 = NewKey();
    private readonly RecipientKey _doorsOld = NewKey();
    private readonly RecipientKey _doorsNew = NewKey();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly DotNetAes128 _aes = new();

    public RecipientAccessTests()
    {
        _keys = TestKeysFolder.Create(Path.Combine(_workspace.Root, "real"), DateTimeOffset.FromUnixTimeSeconds(FleetWorkspace.NowSeconds),
            releasesDir: _workspace.ReleasesDir);
        File.WriteAllText(Path.Combine(_keys.KeysDir, "recipients.json"), "{\"recipients\": []}");
        Run("--target=AddGroup", "--name=doors", $"--key={Hex(_doorsOld)}");
        Run("--target=AddDevice", "--name=door-1", $"--key={Hex(_door1)}");
        Run("--target=AddDevice", "--name=door-2", $"--key={Hex(_door2)}", "--group=doors");
    }

    [Fact]
    public void Registered_devices_and_the_group_decrypt_the_current_release()
    {
        Run();

        var keyCheck = VerifiedKeyCheck("1.2.0");
        Assert.NotNull(Unwrap("1.2.0", _door1, keyCheck));
        Assert.NotNull(Unwrap("1.2.0", _door2, keyCheck));
        Assert.NotNull(Unwrap("1.2.0", _doorsOld, keyCheck));
    }

    [Fact]
    public void A_removed_device_cannot_decrypt_the_next_release_while_the_others_can()
    {
        Run();
        Run("--target=RemoveDevice", "--name=door-2");
        Run("--target=RotateGroupKey", "--name=doors", $"--key={Hex(_doorsNew)}");
        _workspace.AddRelease("1.3.0", 2, "stable");
        _keys.ApproveReleases();

        Run($"--now={FleetWorkspace.NowSeconds + 86_400}");

        var keyCheck = VerifiedKeyCheck("1.3.0");
        var door1Key = Unwrap("1.3.0", _door1, keyCheck);
        Assert.NotNull(door1Key);
        Assert.Equal(door1Key, Unwrap("1.3.0", _doorsNew, keyCheck));

        var folder = SiteFiles.Ota(_workspace.SiteDir, "keys", "1.3.0");
        Assert.False(File.Exists(Path.Combine(folder, _door2.Id)), "no wrapped key is published for the removed device");
        Assert.False(File.Exists(Path.Combine(folder, _doorsOld.Id)), "no wrapped key is published for the group's old key");
        var unwrapper = new KeyUnwrapper(_hmac, _aes);
        foreach (var file in Directory.GetFiles(folder))
        {
            foreach (var excluded in new[] { _door2, _doorsOld })
            {
                Assert.False(unwrapper.TryUnwrap(File.ReadAllBytes(file), excluded, keyCheck, out _, out var failure));
                Assert.Equal(VerificationError.KeyUnwrapFailed, failure.Error);
            }
        }
    }

    /// <summary>release.keyCheck of the stable manifest, verified by the device core against root version 1.</summary>
    private byte[] VerifiedKeyCheck(string expectedVersion)
    {
        Assert.True(RootVerifier.TryLoadTrusted(File.ReadAllBytes(Path.Combine(_keys.KeysDir, "root", "1.json")), out var root, out var rootFailure), rootFailure?.ToString());
        var envelope = File.ReadAllBytes(SiteFiles.Ota(_workspace.SiteDir, "channels", "stable.json"));
        Assert.True(ChannelManifestVerifier.TryVerify(envelope, root, "stable", 0, 0, FleetWorkspace.NowSeconds + 86_400, out var verified, out var failure), failure?.ToString());
        Assert.Equal(expectedVersion, verified.Manifest.Release.Version);
        return verified.Manifest.Release.KeyCheck;
    }

    /// <summary>The content key <paramref name="recipient"/> unwraps from its own file, or null when there is none.</summary>
    private byte[]? Unwrap(string version, RecipientKey recipient, byte[] keyCheck)
    {
        var path = SiteFiles.Ota(_workspace.SiteDir, "keys", version, recipient.Id);
        if (!File.Exists(path)) return null;
        Assert.True(new KeyUnwrapper(_hmac, _aes).TryUnwrap(File.ReadAllBytes(path), recipient, keyCheck, out var key, out var failure), failure?.ToString());
        return key;
    }

    private PipelineRun Run(params string[] args) =>
        _workspace.Run([.. _keys.BuildArguments, .. args]).AssertSucceeded();

    private static RecipientKey NewKey() => new(RandomNumberGenerator.GetBytes(32));

    private static string Hex(RecipientKey key) => Convert.ToHexStringLower(key.GetPublicKey());

    public void Dispose()
    {
        _aes.Dispose();
        _workspace.Dispose();
    }
}
