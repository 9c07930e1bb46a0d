using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Attacks on the channel manifest and the wrapped key, end to end through the update client: the
/// device refuses them, installs nothing and keeps running its image; for manifest attacks not one
/// byte of its boot state changes.
/// </summary>
public sealed class ManifestAttackTests : IDisposable
{
    private readonly byte[] _factoryImage = TestSite.Image(2 * 4096 + 5, 11);
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (IDisposable owned in _owned) owned.Dispose();
    }

    private (TestSite Site, TestDevice Device) NewDevice(int releaseKeys = 1, int releaseThreshold = 1)
    {
        var site = new TestSite(releaseKeys, releaseThreshold);
        var device = new TestDevice(site);
        _owned.Add(device);
        _owned.Add(site);
        device.Provision(_factoryImage);
        device.Boot();
        return (site, device);
    }

    private void AssertRefusedWithoutChange(TestDevice device, byte[] stateBefore, UpdateReport report, VerificationError error, string step)
    {
        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(error, report.Failure!.Verification!.Error);
        Assert.Equal(step, report.Failure.Step);
        Assert.Equal(stateBefore, device.StateBytes());
        Assert.DoesNotContain(device.Transport.Requests, r => r.Path.StartsWith("blobs/") || r.Path.StartsWith("keys/"));
        DeviceAssert.RunsFactoryImage(device, _factoryImage);
    }

    [Fact]
    public void Arbitrary_installation_manifest_signed_by_a_key_outside_the_release_role_is_refused()
    {
        var (site, device) = NewDevice();
        site.Publish(TestSite.Image(5000, 12), "9.9.9", 9, signers: [site.NewSigner()]);
        byte[] before = device.StateBytes();

        AssertRefusedWithoutChange(device, before, device.Poll(), VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Key_compromise_one_key_under_the_release_threshold_cannot_sign_a_manifest()
    {
        var (site, device) = NewDevice(releaseKeys: 2, releaseThreshold: 2);
        site.Publish(TestSite.Image(5000, 13), "9.9.9", 9, signers: [site.ReleaseKeys[0]]);
        byte[] before = device.StateBytes();

        AssertRefusedWithoutChange(device, before, device.Poll(), VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Rejects_unsigned_manifest_envelope()
    {
        var (site, device) = NewDevice();
        PublishedRelease release = site.Publish(TestSite.Image(5000, 14), "9.9.9", 9);
        site.Files[TestSite.ChannelPath] = EnvelopeSurgery.WithoutSignatures(release.Manifest);
        byte[] before = device.StateBytes();

        AssertRefusedWithoutChange(device, before, device.Poll(), VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Key_compromise_manifest_signed_by_a_release_key_revoked_by_root_rotation_is_refused()
    {
        var (site, device) = NewDevice();
        var revoked = site.ReleaseKeys;
        site.RotateRoot();
        site.Publish(TestSite.Image(5000, 15), "9.9.9", 9, signers: revoked);

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal("C4", report.Failure!.Step);
        // The rotation itself verified, so the device follows it; the old release key is now worthless.
        Assert.Equal(2, device.State().TrustedRootVersion);
        Assert.Equal(0, device.State().HighestSequence);
        DeviceAssert.RunsFactoryImage(device, _factoryImage, rootVersion: 2);
    }

    [Fact]
    public void Rollback_attack_replayed_old_manifest_is_refused()
    {
        var (site, device) = NewDevice();
        PublishedRelease old = site.Publish(TestSite.Image(5000, 16), "1.1.0", 1, issued: TestSite.Now - 500);
        Assert.Equal(UpdateResult.TrialScheduled, device.Poll().Result);
        device.Boot();
        device.Confirm();
        site.Publish(TestSite.Image(6000, 17), "1.2.0", 1, issued: TestSite.Now - 100, rolloutPercent: 0);
        Assert.Equal(UpdateResult.NotInRollout, device.Poll().Result);
        site.Files[TestSite.ChannelPath] = old.Manifest;
        byte[] before = device.StateBytes();

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(VerificationError.RolledBack, report.Failure!.Verification!.Error);
        Assert.Equal(before, device.StateBytes());
    }

    [Fact]
    public void Indefinite_freeze_attack_expired_manifest_is_refused()
    {
        var (site, device) = NewDevice();
        site.Publish(TestSite.Image(5000, 18), "9.9.9", 9, issued: TestSite.Now - 10 * 86400, expires: TestSite.Now - 1);
        byte[] before = device.StateBytes();

        AssertRefusedWithoutChange(device, before, device.Poll(), VerificationError.Expired, "C8");
    }

    [Fact]
    public void Device_with_an_unset_clock_refuses_a_manifest_that_expired_before_the_last_one_it_accepted()
    {
        var (site, device) = NewDevice();
        site.Publish(TestSite.Image(5000, 19), "1.1.0", 1, issued: TestSite.Now, rolloutPercent: 0);
        Assert.Equal(UpdateResult.NotInRollout, device.Poll().Result);
        // A frozen manifest, still "valid" at 1970, that expired before the manifest already accepted was issued.
        site.Publish(TestSite.Image(5000, 20), "1.2.0", 1, issued: TestSite.Now - 20, expires: TestSite.Now - 1, sequence: TestSite.Now + 10);
        device.Clock.UtcNowSeconds = 0;
        device.Clock.IsSynchronized = false;
        byte[] before = device.StateBytes();

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(VerificationError.Expired, report.Failure!.Verification!.Error);
        Assert.Equal(before, device.StateBytes());
    }

    [Fact]
    public void Rollback_attack_release_with_a_lower_security_version_than_installed_is_refused()
    {
        var (site, device) = NewDevice();
        site.Publish(TestSite.Image(5000, 21), "2.0.0", 3, issued: TestSite.Now - 500);
        device.Poll();
        device.Boot();
        Assert.Equal(ConfirmOutcome.Confirmed, device.Confirm());
        site.Publish(TestSite.Image(5000, 22), "2.1.0", 2, issued: TestSite.Now - 100);
        byte[] before = device.StateBytes();

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(VerificationError.SecurityDowngrade, report.Failure!.Verification!.Error);
        Assert.Equal(before, device.StateBytes());
        Assert.Equal(3, device.State().InstalledSecurityVersion);
    }

    [Fact]
    public void Rejects_wrapped_key_made_for_another_device()
    {
        var (site, device) = NewDevice();
        var other = new SecureOta.Device.Core.Keys.RecipientKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        site.Publish(TestSite.Image(5000, 23), "9.9.9", 9, recipients: [other.GetPublicKey()]);
        site.Files["keys/9.9.9/" + site.Device.Id] = site.Files["keys/9.9.9/" + other.Id];

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal(VerificationError.KeyUnwrapFailed, report.Failure!.Verification!.Error);
        Assert.DoesNotContain(device.Transport.Requests, r => r.Path.StartsWith("blobs/"));
        DeviceAssert.RunsFactoryImage(device, _factoryImage);
        Assert.Equal(UpdatePhase.Idle, device.State().Phase);
    }

    [Fact]
    public void Release_without_a_key_for_this_device_is_reported_retried_for_a_bounded_number_of_polls_then_skipped()
    {
        var (site, device) = NewDevice();
        var other = new SecureOta.Device.Core.Keys.RecipientKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        site.Publish(TestSite.Image(5000, 24), "9.9.9", 9, recipients: [other.GetPublicKey()]);
        UpdateClient client = device.NewClient();

        UpdateReport[] reports = Enumerable.Range(0, UpdateClientOptions.DefaultMaxKeyAttempts).Select(_ => client.Poll()).ToArray();

        Assert.All(reports, r => Assert.Equal(UpdateResult.NoKeyForDevice, r.Result));
        Assert.Contains(site.Device.Id, reports[0].Failure!.Message);
        DeviceAssert.RunsFactoryImage(device, _factoryImage);
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
    }

    [Fact]
    public void Endless_data_attack_manifest_body_over_16_KiB_is_cut_off_without_reading_further()
    {
        var (site, device) = NewDevice();
        site.Files[TestSite.ChannelPath] = new byte[64 * 1024];
        device.Transport.SetFault(TestSite.ChannelPath, new SiteFault { OmitContentLength = true });
        byte[] before = device.StateBytes();

        UpdateReport report = device.Poll();

        Assert.Equal(UpdateResult.Rejected, report.Result);
        Assert.Equal((VerificationError.TooLarge, "C1"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(before, device.StateBytes());
    }
}
