using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>Root rotation through the update client: followed one link at a time, stored only when the chain verifies.</summary>
public sealed class RootRotationTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(5000, 41);
    private readonly List<TrustedRoot> _seen = [];

    public RootRotationTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private UpdateReport Poll() => _device.NewClient().Poll();

    [Fact]
    public void Root_rotation_is_followed_and_the_new_release_key_is_trusted()
    {
        _site.RotateRoot();
        _site.RotateRoot();
        byte[] image = TestSite.Image(6000, 42);
        _site.Publish(image, "2.0.0", 1);

        UpdateReport report = Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(3, _device.State().TrustedRootVersion);
        Assert.True(_device.Flash.Exists(TrustedRootStore.FileName(3)));
        Assert.True(_device.Flash.Exists(TrustedRootStore.FileName(1)), "the provisioned root is kept for the factory state");
        Assert.Equal(["roots/2.json", "roots/3.json", "roots/4.json"],
            _device.Transport.Requests.Where(r => r.Path.StartsWith("roots/")).Select(r => r.Path));
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Rotated_root_is_reported_to_the_transport_for_its_TLS_pins()
    {
        _site.RotateRoot();
        _site.Publish(TestSite.Image(6000, 43), "2.0.0", 1);
        var options = new UpdateClientOptions(TestSite.Channel, [_site.Device]) { RootChanged = root => _seen.Add(root) };
        var withCallback = new UpdateClient(
            new DevicePlatform(_device.Transport, _device.Files, _device.Slots, _device.Hmac, _device.Aes, _device.Clock, _device.Rebooter),
            options);

        withCallback.Poll();

        Assert.Equal([1L, 2L], _seen.Select(r => r.Version));
        Assert.Equal(1, _seen[1].TlsAnchorCount);
        Assert.Equal(2, withCallback.TrustedRoot.Version);
    }

    [Fact]
    public void Rejects_root_link_not_signed_by_the_trusted_root_and_stores_nothing()
    {
        _site.RotateRoot();
        // Re-sign version 2 with its own new keys only: the link from version 1 is missing.
        _site.Files["roots/2.json"] = TestSite.SignRoot(2, _site.RootKeys, _site.ApprovalKeys, _site.ReleaseKeys, 1, _site.RootKeys);
        _site.Publish(TestSite.Image(6000, 44), "2.0.0", 1);
        byte[] before = _device.StateBytes();

        UpdateReport report = Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal((VerificationError.SignatureThreshold, "R4"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, _device.StateBytes());
        Assert.False(_device.Flash.Exists(TrustedRootStore.FileName(2)));
        DeviceAssert.RunsFactoryImage(_device, _factoryImage);
    }

    [Fact]
    public void Rejects_root_that_skips_a_version()
    {
        var v1Keys = _site.RootKeys;
        _site.RotateRoot();
        // Signed by both the trusted root's key and its own, but it claims version 3 where 2 is due.
        _site.Files["roots/2.json"] = TestSite.SignRoot(3, _site.RootKeys, _site.ApprovalKeys, _site.ReleaseKeys, 1, [.. v1Keys, .. _site.RootKeys]);
        _site.Publish(TestSite.Image(6000, 45), "2.0.0", 1);
        byte[] before = _device.StateBytes();

        UpdateReport report = Poll();

        Assert.Equal((VerificationError.RootVersionMismatch, "R6"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, _device.StateBytes());
    }

    [Fact]
    public void Expired_newest_root_freezes_updates()
    {
        _site.Files["roots/2.json"] = TestSite.SignRoot(2, _site.RootKeys, _site.ApprovalKeys, _site.ReleaseKeys, 1, _site.RootKeys, expires: TestSite.Now - 1);
        _site.Publish(TestSite.Image(6000, 46), "2.0.0", 1);
        byte[] before = _device.StateBytes();

        UpdateReport report = Poll();

        Assert.Equal((VerificationError.Expired, "R8"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, _device.StateBytes());
    }

    [Fact]
    public void Damaged_root_file_stops_polling_with_an_actionable_message()
    {
        byte[] root = _device.Flash.Read(TrustedRootStore.FileName(1));
        root[root.Length / 2] ^= 0x20;
        _device.Flash.Write(TrustedRootStore.FileName(1), root);
        _site.Publish(TestSite.Image(6000, 47), "2.0.0", 1);

        UpdateReport report = Poll();

        Assert.Equal(UpdateResult.StorageFailed, report.Result);
        Assert.Contains("Re-provision", report.Failure!.Message);
        Assert.Equal(0, report.Requests);
    }

    [Fact]
    public void Root_whose_roles_share_a_key_is_refused_and_nothing_is_stored()
    {
        _site.Files["roots/2.json"] = MutatedRoot(root =>
            root["roles"]!["release"]!["keyIds"]!.AsArray().Add(root["roles"]!["root"]!["keyIds"]![0]!.GetValue<string>()));
        _site.Publish(TestSite.Image(6000, 48), "2.0.0", 1);
        byte[] before = _device.StateBytes();

        UpdateReport report = Poll();

        Assert.Equal((VerificationError.RoleKeyShared, "R5"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, _device.StateBytes());
    }

    [Fact]
    public void Root_pinning_pem_armour_around_bytes_that_are_no_certificate_is_refused()
    {
        const string notDer = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQsIG5vIGNlcnRpZmljYXRlIGhlcmU=\n-----END CERTIFICATE-----\n";
        _site.Files["roots/2.json"] = MutatedRoot(root => root["tlsAnchors"] = new System.Text.Json.Nodes.JsonArray(notDer));
        _site.Publish(TestSite.Image(6000, 49), "2.0.0", 1);
        byte[] before = _device.StateBytes();

        UpdateReport report = Poll();

        Assert.Equal((VerificationError.Malformed, "R5"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Contains("tlsAnchors[0]", report.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, _device.StateBytes());
    }

    [Fact]
    public void Root_for_another_product_is_refused_even_when_signed_by_the_trusted_root_keys()
    {
        _site.Files["roots/2.json"] = MutatedRoot(root => root["product"] = "other-product");
        _site.Publish(TestSite.Image(6000, 50), "2.0.0", 1);
        byte[] before = _device.StateBytes();

        UpdateReport report = Poll();

        Assert.Equal((VerificationError.WrongProduct, "R6"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, _device.StateBytes());
    }

    /// <summary>
    /// Root version 2 with the site's keys, changed by <paramref name="change"/> after the build's writer (which
    /// refuses such roots) and signed by the root keys, as an attacker holding them or a hand-edited root would.
    /// </summary>
    private byte[] MutatedRoot(Action<System.Text.Json.Nodes.JsonNode> change)
    {
        byte[] valid = TestSite.SignRoot(2, _site.RootKeys, _site.ApprovalKeys, _site.ReleaseKeys, 1, _site.RootKeys);
        Assert.True(SecureOta.Device.Core.Envelopes.EnvelopeParser.TryParse(valid, out var parsed, out _));
        var json = System.Text.Json.Nodes.JsonNode.Parse(parsed.Payload)!;
        change(json);
        return SecureOta.Build.Publishing.EnvelopeSigner.Sign(SecureOta.Build.Publishing.PayloadTypes.Root,
            System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), _site.RootKeys);
    }
}
