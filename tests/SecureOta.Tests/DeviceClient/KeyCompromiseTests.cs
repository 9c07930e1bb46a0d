using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// What the online release (CI) key can and cannot do once stolen (docs/SECURITY.md), end to end through
/// the update client: it cannot install an image the offline approval keys did not approve, and whatever
/// sequence or issued time it signs, the next root that rotates it lets the device accept honest manifests
/// again. Also the wrong-clock deploy that needs no attacker.
/// </summary>
public sealed class KeyCompromiseTests : IDisposable
{
    private const long MaxSequence = 9007199254740991;
    private const long Year2100 = 4_102_444_800;
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(2 * 4096 + 5, 61);

    public KeyCompromiseTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
        _device.Boot();
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Arbitrary_installation_with_the_stolen_release_key_alone_is_refused_before_any_download()
    {
        Ed25519KeyPair attackersApproval = _site.NewSigner();
        _site.Publish(TestSite.Image(6000, 62), "6.6.6", 9, approvers: [attackersApproval]);

        UpdateReport report = _device.Poll();

        AssertRefusedAtApproval(report, VerificationError.SignatureThreshold, "P4");
    }

    [Fact]
    public void Arbitrary_installation_reusing_the_approval_of_another_release_is_refused()
    {
        byte[] approvedImage = TestSite.Image(6000, 63);
        var approvedDigests = new ChainedArtifactWriter().ComputeImageDigests(approvedImage);
        byte[] realApproval = TestSite.Approve("1.1.0", 1, approvedDigests, _site.ApprovalKeys);
        _site.Publish(TestSite.Image(6000, 64), "1.1.0", 1, approval: realApproval);

        UpdateReport report = _device.Poll();

        AssertRefusedAtApproval(report, VerificationError.NotApproved, "P6");
    }

    [Fact]
    public void Stolen_release_key_may_point_the_channel_at_another_approved_release_not_below_the_security_version()
    {
        byte[] approved = TestSite.Image(7000, 65);
        _site.Publish(approved, "1.0.5", 1, signers: _site.ReleaseKeys);

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(approved, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Fast_forward_attack_by_a_stolen_release_key_is_undone_by_the_next_root()
    {
        // The stolen key re-signs the running image with the largest sequence: nothing to download, but the floor moves.
        _site.Publish(_factoryImage, "1.0.0", 1, sequence: MaxSequence);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
        Assert.Equal(MaxSequence, _device.State().HighestSequence);
        byte[] fixedImage = TestSite.Image(8000, 66);
        _site.Publish(fixedImage, "1.1.0", 2);
        UpdateReport lockedOut = _device.Poll();
        Assert.True(lockedOut.Result == UpdateResult.Rejected, lockedOut.ToString());
        Assert.Equal("C7", lockedOut.Failure!.Step);

        _site.RotateRoot();
        _site.Publish(fixedImage, "1.1.0", 2);
        UpdateReport recovered = _device.Poll();

        Assert.True(recovered.Result == UpdateResult.TrialScheduled, recovered.ToString());
        Assert.Equal(fixedImage, _device.SlotBytes(SlotId.B));
        Assert.Equal(2, _device.State().TrustedRootVersion);
        Assert.Equal(TestSite.Now - 60, _device.State().HighestSequence);
    }

    [Fact]
    public void Manifest_issued_in_the_future_is_refused_by_a_device_with_a_synchronised_clock()
    {
        _site.Publish(TestSite.Image(5000, 67), "1.1.0", 1, issued: TestSite.Now + 30 * 86400);

        AssertManifestRefusedWithoutChange(VerificationError.IssuedInFuture, "C10");
    }

    [Fact]
    public void Future_issued_accepted_without_network_time_is_undone_by_the_next_root_once_the_clock_is_set()
    {
        _device.Clock.IsSynchronized = false;
        _device.Clock.UtcNowSeconds = 0;
        _site.Publish(_factoryImage, "1.0.0", 1, issued: Year2100, expires: Year2100 + 86400, sequence: Year2100);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
        Assert.Equal(Year2100, _device.State().LastIssued);

        _device.Clock.IsSynchronized = true;
        _device.Clock.UtcNowSeconds = TestSite.Now;
        byte[] fixedImage = TestSite.Image(8000, 68);
        _site.RotateRoot();
        _site.Publish(fixedImage, "1.1.0", 1);
        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(TestSite.Now - 60, _device.State().LastIssued);
    }

    [Fact]
    public void Root_that_keeps_the_release_key_keeps_the_floors_so_old_manifests_still_cannot_replay()
    {
        PublishedRelease old = _site.Publish(TestSite.Image(5000, 69), "1.0.1", 1, issued: TestSite.Now - 500, rolloutPercent: 0);
        _site.Publish(TestSite.Image(5000, 70), "1.0.2", 1, issued: TestSite.Now - 100, rolloutPercent: 0);
        Assert.Equal(UpdateResult.NotInRollout, _device.Poll().Result);
        _site.RotateRoot(keepReleaseKeys: true);
        _site.Files[TestSite.ChannelPath] = old.Manifest;

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(VerificationError.RolledBack, report.Failure!.Verification!.Error);
        Assert.Equal(TestSite.Now - 100, _device.State().HighestSequence);
    }

    [Fact]
    public void Key_compromise_approvals_by_an_approval_key_the_next_root_removed_are_refused()
    {
        Ed25519KeyPair[] stolen = _site.ApprovalKeys;
        _site.RotateRoot(replaceApprovalKeys: true);
        _site.Publish(TestSite.Image(6000, 73), "6.6.6", 9, approvers: stolen);

        AssertRefusedAtApproval(_device.Poll(), VerificationError.SignatureThreshold, "P4", rootVersion: 2);
    }

    [Fact]
    public void Wrong_software_another_products_manifest_is_refused()
    {
        _site.Publish(TestSite.Image(5000, 71), "1.1.0", 1, product: "other-product");

        AssertManifestRefusedWithoutChange(VerificationError.WrongProduct, "C6");
    }

    [Fact]
    public void Wrong_software_another_products_approval_under_this_products_manifest_is_refused()
    {
        byte[] image = TestSite.Image(5000, 72);
        byte[] foreign = TestSite.Approve("1.1.0", 1, new ChainedArtifactWriter().ComputeImageDigests(image), _site.ApprovalKeys, "other-product");
        _site.Publish(image, "1.1.0", 1, approval: foreign);

        AssertRefusedAtApproval(_device.Poll(), VerificationError.WrongProduct, "P6");
    }

    /// <summary>The next poll refuses the manifest at <paramref name="step"/> and not one byte of the boot state changes.</summary>
    private void AssertManifestRefusedWithoutChange(VerificationError error, string step)
    {
        byte[] before = _device.StateBytes();

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal((error, step), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, _device.StateBytes());
    }

    private void AssertRefusedAtApproval(UpdateReport report, VerificationError error, string step, long rootVersion = 1)
    {
        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(error, report.Failure!.Verification!.Error);
        Assert.Equal(step, report.Failure.Step);
        Assert.DoesNotContain(_device.Transport.Requests, r => r.Path.StartsWith("blobs/", StringComparison.Ordinal) || r.Path.StartsWith("keys/", StringComparison.Ordinal));
        DeviceAssert.RunsFactoryImage(_device, _factoryImage, rootVersion: rootVersion);
    }
}
