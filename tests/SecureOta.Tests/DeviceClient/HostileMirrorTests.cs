using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Issue 11: a mirror controls every header and every unsigned file. Nothing it sends may make a poll
/// throw, and nothing it can cause may make the device skip a release for good.
/// </summary>
public sealed class HostileMirrorTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;

    public HostileMirrorTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(TestSite.Image(5000, 91));
        _device.Boot();
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Theory]
    [InlineData("a\u0085b")]
    [InlineData("a\tb")]
    [InlineData("\"\u00e9t\u00e9\"")]
    public void Malicious_mirror_etag_with_obs_text_or_a_tab_is_never_sent_back(string etag)
    {
        _site.Publish(_device.SlotBytes(SlotId.A), "1.0.0", 1);
        var rigged = new RiggedTransport(_device.Transport) { ETag = etag };
        UpdateClient client = _device.NewClient(transport: rigged);

        UpdateReport first = client.Poll();
        UpdateReport second = client.Poll();

        Assert.Equal(UpdateResult.UpToDate, first.Result);
        Assert.Equal(UpdateResult.UpToDate, second.Result);
        Assert.Null(client.ETag);
        Assert.All(rigged.IfNoneMatches, sent => Assert.Null(sent));
    }

    [Fact]
    public void Malicious_mirror_a_transport_that_throws_an_argument_exception_ends_the_poll_with_a_typed_report()
    {
        _site.Publish(TestSite.Image(6000, 92), "1.1.0", 1);
        var rigged = new RiggedTransport(_device.Transport) { ThrowOnce = new ArgumentException("header value has a control character") };
        UpdateClient client = _device.NewClient(transport: rigged);
        byte[] stateBefore = _device.StateBytes();

        UpdateReport report = client.Poll();

        Assert.Equal(UpdateResult.InternalError, report.Result);
        Assert.Contains("ArgumentException", report.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(stateBefore, _device.StateBytes());
        Assert.Equal(UpdateResult.TrialScheduled, client.Poll().Result);
    }

    [Fact]
    public void Malicious_mirror_wrapped_key_404_that_heals_is_retried_and_the_release_installs()
    {
        byte[] image = TestSite.Image(6000, 93);
        _site.Publish(image, "1.1.0", 1);
        string keyPath = WrappedKeyPathOf("1.1.0");
        _device.Transport.SetFault(keyPath, new SiteFault { NotFound = true });
        UpdateClient client = _device.NewClient();

        UpdateReport missing = client.Poll();
        _device.Transport.ClearFaults();
        UpdateReport healed = client.Poll();

        Assert.Equal(UpdateResult.NoKeyForDevice, missing.Result);
        Assert.True(healed.Result == UpdateResult.TrialScheduled, healed.ToString());
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Malicious_mirror_damaged_wrapped_key_that_heals_is_retried_and_the_release_installs()
    {
        byte[] image = TestSite.Image(6000, 94);
        _site.Publish(image, "1.1.0", 1);
        string keyPath = WrappedKeyPathOf("1.1.0");
        _device.Transport.SetFault(keyPath, SiteFault.FlipByte(_site.Files[keyPath], 40));
        UpdateClient client = _device.NewClient();

        UpdateReport damaged = client.Poll();
        _device.Transport.ClearFaults();
        UpdateReport healed = client.Poll();

        Assert.Equal(UpdateResult.Rejected, damaged.Result);
        Assert.True(healed.Result == UpdateResult.TrialScheduled, healed.ToString());
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Malicious_mirror_wrapped_key_404_that_never_heals_is_given_up_after_the_bounded_attempts()
    {
        _site.Publish(TestSite.Image(6000, 95), "1.1.0", 1);
        _device.Transport.SetFault(WrappedKeyPathOf("1.1.0"), new SiteFault { NotFound = true });
        UpdateClient client = _device.NewClient();

        var results = Enumerable.Range(0, UpdateClientOptions.DefaultMaxKeyAttempts + 1).Select(_ => client.Poll().Result).ToArray();

        Assert.All(results[..^1], r => Assert.Equal(UpdateResult.NoKeyForDevice, r));
        Assert.Equal(UpdateResult.UpToDate, results[^1]);
        Assert.Equal(UpdateClientOptions.DefaultMaxKeyAttempts, _device.Transport.Requests.Count(r => r.Path.StartsWith("keys/", StringComparison.Ordinal)));
    }

    private string WrappedKeyPathOf(string version) =>
        _site.Files.Keys.Single(k => k.StartsWith("keys/" + version + "/", StringComparison.Ordinal));
}
