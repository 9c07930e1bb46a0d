using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// TUF's slow retrieval attack (issue 11): a server that sends a byte just often enough to beat every
/// per-read timeout. A poll has a total deadline and a minimum rate, measured on the monotonic clock
/// (here a <see cref="TestClock"/> the dripping transport advances), and says what the server did.
/// </summary>
public sealed class SlowRetrievalTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;

    public SlowRetrievalTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(TestSite.Image(5000, 71));
        _device.Boot();
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Slow_retrieval_attack_manifest_dripped_one_byte_per_second_ends_within_the_deadline_with_a_clear_report()
    {
        _site.Publish(TestSite.Image(6000, 72), "1.1.0", 1);
        var drip = new RiggedTransport(_device.Transport) { DripClock = _device.Clock, DripBytes = 1, DripMilliseconds = 1000 };
        long start = _device.Clock.MonotonicMilliseconds;
        byte[] stateBefore = _device.StateBytes();

        UpdateReport report = _device.NewClient(transport: drip).Poll();

        long elapsed = _device.Clock.MonotonicMilliseconds - start;
        Assert.Equal(UpdateResult.TransportFailed, report.Result);
        Assert.Contains("the server sent 15 bytes in 15.0 s, below the minimum of 2048 B/s", report.Failure!.Message, StringComparison.Ordinal);
        Assert.InRange(elapsed, 0, UpdateClientOptions.DefaultPollDeadlineSeconds * 1000L);
        Assert.Equal(stateBefore, _device.StateBytes());
    }

    [Fact]
    public void Slow_retrieval_attack_download_without_a_rate_check_ends_at_the_poll_deadline_and_resumes_next_poll()
    {
        byte[] image = TestSite.Image(20_000, 73);
        _site.Publish(image, "1.1.0", 1);
        var drip = new RiggedTransport(_device.Transport) { DripClock = _device.Clock, DripBytes = 400, DripMilliseconds = 1000 };
        long start = _device.Clock.MonotonicMilliseconds;

        UpdateReport slow = _device.NewClient(transport: drip, configure: o =>
        {
            o.PollDeadlineSeconds = 40;
            o.MinimumBytesPerSecond = 0;
        }).Poll();
        long elapsed = _device.Clock.MonotonicMilliseconds - start;
        long resumeFrom = _device.State().ResumePosition.Index;
        drip.DripClock = null;
        UpdateReport fast = _device.NewClient(transport: drip).Poll();

        Assert.Equal(UpdateResult.TransportFailed, slow.Result);
        Assert.Contains("over its deadline of 40 s", slow.Failure!.Message, StringComparison.Ordinal);
        Assert.InRange(elapsed, 40_000, 41_000);
        Assert.True(resumeFrom > 0, "the records that arrived before the deadline are kept");
        Assert.True(fast.Result == UpdateResult.TrialScheduled, fast.ToString());
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Slow_but_steady_download_above_the_minimum_rate_completes()
    {
        byte[] image = TestSite.Image(40_000, 74);
        _site.Publish(image, "1.1.0", 1);
        var steady = new RiggedTransport(_device.Transport) { DripClock = _device.Clock, DripBytes = 4096, DripMilliseconds = 1000 };

        UpdateReport report = _device.NewClient(transport: steady).Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }
}
