using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.KeyTables;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// The update client keeps the prepared tables of the keys it verifies at every poll (release and approval roles)
/// on flash (docs/PROTOCOL.md section 11b, "Prepared key tables"), writes each once, and drops those of keys a
/// rotated root no longer lists. Ed25519.ForgetPreparedKeys plays the reboot.
/// </summary>
public sealed class PreparedKeyTablePollTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _image = TestSite.Image(5000, 81);

    public PreparedKeyTablePollTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_image);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private string ReleaseTable() => PreparedKeyStore.FileName(_site.ReleaseKeys[0].PublicKey);

    private UpdateReport PollAfterReboot()
    {
        Ed25519.ForgetPreparedKeys();
        return _device.Poll();
    }

    [Fact]
    public void Release_key_table_is_written_once_and_loaded_from_flash_at_the_polls_after_reboots()
    {
        _site.Publish(_image, "1.0.0", 1);
        var counting = new CountingFileStore(_device.Flash);
        _device.Files = counting;

        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);
        Assert.Equal(1, counting.WritesOf(ReleaseTable()));

        // A newer manifest of the same release: verified again after a reboot, from the stored table.
        _site.Publish(_image, "1.0.0", 1, issued: TestSite.Now - 30);
        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);
        Assert.Equal(1, counting.WritesOf(ReleaseTable()));
    }

    [Fact]
    public void Tampered_release_key_table_does_not_let_a_forged_manifest_through_and_is_rewritten()
    {
        _site.Publish(_image, "1.0.0", 1);
        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);
        byte[] sound = _device.Flash.Read(ReleaseTable());
        byte[] tampered = (byte[])sound.Clone();
        tampered[100] ^= 0x04;
        _device.Flash.Write(ReleaseTable(), tampered);

        // A newer manifest under the release key's id whose signature lost one bit: refused as before.
        _site.Publish(TestSite.Image(5000, 82), "1.1.0", 1, issued: TestSite.Now - 30);
        _site.Files[TestSite.ChannelPath] = WithFlippedSignatureBit(_site.Files[TestSite.ChannelPath]);
        _device.Flash.Write(ReleaseTable(), tampered);
        UpdateReport forged = PollAfterReboot();
        Assert.Equal(UpdateResult.Rejected, forged.Result);
        AssertReleaseTableIsSound(tampered);

        _site.Publish(_image, "1.0.0", 1, issued: TestSite.Now - 20);
        _device.Flash.Write(ReleaseTable(), tampered);
        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);
        AssertReleaseTableIsSound(tampered);
    }

    /// <summary>
    /// The table on flash is not the tampered one and loads (its tag verifies) with the right verdicts. Not compared byte
    /// for byte with the first one: that was built from root 1's split points (Z = 1), the rewritten one by doublings.
    /// </summary>
    private void AssertReleaseTableIsSound(byte[] tampered)
    {
        Assert.NotEqual(tampered, _device.Flash.Read(ReleaseTable()));
        Ed25519.ForgetPreparedKeys();
        var store = PreparedKeyStore.ForDevice(_device.Flash, _device.Hmac, _site.Device);
        byte[] message = [1, 2, 3];
        byte[] key = _site.ReleaseKeys[0].PublicKey;
        byte[] signature = _site.ReleaseKeys[0].Sign(message);
        Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length, store));
        Assert.Equal(PreparedKeySource.Flash, store.LastSource);
        signature[5] ^= 1;
        Assert.False(Ed25519.Verify(key, signature, message, 0, message.Length, store));
    }

    private static byte[] WithFlippedSignatureBit(byte[] envelope)
    {
        JsonNode root = JsonNode.Parse(envelope)!;
        JsonNode signature = root["signatures"]![0]!;
        byte[] sig = Convert.FromBase64String(signature["sig"]!.GetValue<string>());
        sig[40] ^= 0x02;
        signature["sig"] = Convert.ToBase64String(sig);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    [Fact]
    public void First_boot_after_provisioning_builds_the_release_and_approval_tables_from_the_roots_split_points()
    {
        _site.Publish(_image, "1.0.0", 1);
        var counting = new CountingFileStore(_device.Flash);
        _device.Files = counting;

        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);

        // The tables are the ones the root's points give (Z = 1; a table made by doublings differs in its bytes), each
        // written once, before the manifest was verified: the first manifest signature is a prepared verify.
        var flash = new MemoryFileStore();
        var expected = PreparedKeyStore.ForDevice(flash, _device.Hmac, _site.Device);
        Assert.True(SecureOta.Device.Core.Trust.RootVerifier.TryLoadTrusted(_site.RootV1, out var root, out var failure), failure?.ToString());
        Assert.Equal(2, expected.WriteTablesFromPoints(root));
        foreach (byte[] key in new[] { _site.ReleaseKeys[0].PublicKey, _site.ApprovalKeys[0].PublicKey })
        {
            string table = PreparedKeyStore.FileName(key);
            Assert.Equal(flash.Read(table), _device.Flash.Read(table));
            Assert.Equal(1, counting.WritesOf(table));
        }
    }

    [Fact]
    public void Root_rotation_builds_the_new_release_keys_table_from_the_new_roots_split_points()
    {
        _site.Publish(_image, "1.0.0", 1);
        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);
        _site.RotateRoot();
        _site.Publish(_image, "1.0.0", 1, issued: TestSite.Now - 30);
        var counting = new CountingFileStore(_device.Flash);
        _device.Files = counting;

        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);

        var flash = new MemoryFileStore();
        var expected = PreparedKeyStore.ForDevice(flash, _device.Hmac, _site.Device);
        Assert.True(SecureOta.Device.Core.Trust.RootVerifier.TryLoadTrusted(_site.Files["roots/2.json"], out var root2, out var failure), failure?.ToString());
        Assert.Equal(2, expected.WriteTablesFromPoints(root2));
        Assert.Equal(flash.Read(ReleaseTable()), _device.Flash.Read(ReleaseTable()));
        Assert.Equal(1, counting.WritesOf(ReleaseTable()));
        // The approval key kept its table: not written again.
        Assert.Equal(0, counting.WritesOf(PreparedKeyStore.FileName(_site.ApprovalKeys[0].PublicKey)));
    }

    [Fact]
    public void Install_keeps_the_approval_key_tables_too()
    {
        _site.Publish(TestSite.Image(6000, 83), "2.0.0", 2);
        Assert.Equal(UpdateResult.TrialScheduled, PollAfterReboot().Result);

        Assert.True(_device.Flash.Exists(ReleaseTable()));
        foreach (var approver in _site.ApprovalKeys) Assert.True(_device.Flash.Exists(PreparedKeyStore.FileName(approver.PublicKey)));
        foreach (var rootKey in _site.RootKeys) Assert.False(_device.Flash.Exists(PreparedKeyStore.FileName(rootKey.PublicKey)));
    }

    [Fact]
    public void Root_rotation_deletes_the_tables_of_release_keys_the_new_root_no_longer_lists()
    {
        _site.Publish(_image, "1.0.0", 1);
        Assert.Equal(UpdateResult.UpToDate, PollAfterReboot().Result);
        string oldTable = ReleaseTable();
        Assert.True(_device.Flash.Exists(oldTable));

        _site.RotateRoot();
        _site.Publish(_image, "1.0.0", 1, issued: TestSite.Now - 30);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);

        Assert.False(_device.Flash.Exists(oldTable));
        Assert.True(_device.Flash.Exists(ReleaseTable()));
    }
}
