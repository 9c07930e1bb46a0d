using System.Security.Cryptography;
using System.Text;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Reports;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Reports;

/// <summary>
/// What a device sends to the collector its root names, and what it does with each answer
/// (docs/PROTOCOL.md sections 11d.2 to 11d.4).
/// </summary>
public sealed class ReportSendingTests : IDisposable
{
    private readonly ReportingDevice _device = new();

    public void Dispose() => _device.Dispose();

    private FakeCollector Collector => _device.Collector;

    [Fact]
    public void Update_outcomes_reach_the_collector_with_a_valid_mac_and_growing_counters()
    {
        _device.Site.Publish(TestSite.Image(3 * 4096 + 10, 2), "1.1.0", 2);
        _device.Device.Boot();

        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Assert.Equal(BootOutcome.RunTrial, _device.Device.Boot().Outcome);
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Device.Confirm());
        _device.Device.Boot();
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);

        var kinds = Collector.Posts.Select(p => p.Kind).ToList();
        Assert.Equal(["trial-scheduled", "heartbeat", "confirmed", "heartbeat"], kinds);
        var trial = Collector.Posts[0];
        Assert.Equal("1.1.0", trial.Version);
        Assert.Equal("full", trial.Member("artifact"));
        Assert.Equal("stable", trial.Member("channel"));
        Assert.Equal("1.1.0", Collector.Posts[2].Version);
        Assert.Equal("1.1.0", Collector.Posts[3].Running);
        Assert.Equal([1L, 2L, 3L, 4L], Collector.Posts.Select(p => p.Counter));
        var macKey = _device.CollectorMacKey();
        foreach (var post in Collector.Posts)
        {
            Assert.Equal(_device.Site.Device.Id, post.DeviceHeader);
            Assert.Equal(post.DeviceHeader, post.Member("device"));
            Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(macKey, Encoding.UTF8.GetBytes(post.Body))), post.MacHeader);
            Assert.True(Encoding.UTF8.GetByteCount(post.Body) <= 1024);
        }
        Assert.Equal(ReportingDevice.CollectorUrl + "v1/reports", Collector.Collector!.ReportsUrl);
    }

    [Fact]
    public void Root_without_a_collector_sends_nothing_and_stores_no_report_state()
    {
        using var device = new ReportingDevice(withCollector: false);
        device.Site.Publish(TestSite.Image(2 * 4096, 2), "1.1.0", 2);
        device.Device.Boot();

        Assert.Equal(UpdateResult.TrialScheduled, device.Poll().Result);
        device.Device.Boot();
        device.Device.Confirm();
        device.Poll();

        Assert.Empty(device.Collector.Posts);
        Assert.Null(device.Collector.Collector);
        Assert.DoesNotContain(device.Device.Flash.Names, n => n.StartsWith("reports.", StringComparison.Ordinal));
    }

    [Fact]
    public void Poll_with_an_unreachable_collector_still_installs_the_update_and_keeps_its_reports()
    {
        Collector.Unreachable = true;
        byte[] image = TestSite.Image(2 * 4096 + 1, 2);
        _device.Site.Publish(image, "1.1.0", 2);
        _device.Device.Boot();

        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Assert.Equal(image, _device.Device.SlotBytes(SlotId.B));
        Assert.Equal(2, _device.Stored().Count);

        Collector.Unreachable = false;
        _device.Device.Boot();
        _device.NewClient(o => o.Log = _log.Add).Poll();
        Assert.True(Collector.Posts.Count == 2, string.Join("\n", _log));
        Assert.Equal(["trial-scheduled", "heartbeat"], Collector.Posts.Select(p => p.Kind));
        Assert.Equal(0, _device.Stored().Count);
    }

    private readonly List<string> _log = [];

    [Theory]
    [InlineData(204)]
    [InlineData(409)]
    public void Stored_or_replayed_answer_drops_the_report(int status)
    {
        Collector.Answer(status);

        _device.Poll();
        _device.NewClient().Poll();

        Assert.Equal(2, Collector.Posts.Count);
        Assert.Equal(0, _device.Stored().Count);
        Assert.Equal(0, _device.Stored().Refused);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Rate_limit_or_server_error_keeps_the_report_for_the_next_poll(int status)
    {
        Collector.Answer(status);

        _device.Poll();
        Assert.Equal(1, _device.Stored().Count);
        _device.Device.Clock.Advance(60_000);
        _device.NewClient().Poll();

        // The kept heartbeat is replaced by the new boot's heartbeat; the next poll sends it.
        Assert.Equal(2, Collector.Posts.Count);
        Assert.Equal(0, _device.Stored().Count);
        Assert.True(Collector.Posts[1].Counter > Collector.Posts[0].Counter);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(422)]
    [InlineData(404)]
    public void Refused_report_is_dropped_counted_and_never_retried(int status)
    {
        _device.Site.Publish(TestSite.Image(2 * 4096, 2), "1.1.0", 2);
        _device.Device.Boot();
        Collector.Answer(status);

        _device.Poll();

        var stored = _device.Stored();
        Assert.Equal(1, stored.Refused);
        Assert.Equal(status, stored.LastRefusal);
        Assert.Equal(["trial-scheduled", "heartbeat"], Collector.Posts.Select(p => p.Kind));
        Assert.Equal(0, stored.Count);
        _device.Device.Boot();
        _device.Poll();
        Assert.Single(Collector.Posts, p => p.Kind == "trial-scheduled");
        Assert.True((Collector.Posts[^1].Member("reason") ?? "").Contains("refused 1 (last " + status + ")", StringComparison.Ordinal), string.Join("\n", Collector.Posts.Select(p => p.Body)));
    }

    [Fact]
    public void Counter_is_on_flash_before_the_request_leaves()
    {
        _device.Site.Publish(TestSite.Image(2 * 4096, 2), "1.1.0", 2);
        _device.Device.Boot();
        var seen = new List<(long Sent, long Stored)>();
        Collector.OnPost = counter => seen.Add((counter, _device.Stored().Counter));

        _device.Poll();

        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal(s.Sent, s.Stored));
    }

    [Fact]
    public void Same_failure_on_every_poll_is_reported_once_per_boot()
    {
        var release = _device.Site.Publish(TestSite.Image(2 * 4096, 2), "1.1.0", 2);
        _device.Site.Files.Remove("keys/1.1.0/" + _device.Site.Device.Id);
        var client = _device.NewClient();

        for (int i = 0; i < 3; i++) client.Poll();

        var failures = Collector.Posts.Where(p => p.Kind != "heartbeat").ToList();
        var failure = Assert.Single(failures);
        Assert.Equal("release-rejected", failure.Kind);
        Assert.Equal("1.1.0", failure.Version);
        Assert.NotNull(failure.Member("check"));
        Assert.NotNull(release);
    }

    [Fact]
    public void Trial_that_never_confirms_is_reported_reverted_with_its_reason()
    {
        _device.Site.Publish(TestSite.Image(2 * 4096, 2), "1.1.0", 2);
        _device.Device.Boot();
        _device.Poll();

        for (int boot = 0; boot <= _device.Device.MaxTrialBoots; boot++) _device.Device.Boot();
        _device.Poll();

        var reverted = Assert.Single(Collector.Posts, p => p.Kind == "reverted");
        Assert.Equal("1.1.0", reverted.Version);
        Assert.Contains("did not confirm", reverted.Member("reason"));
        Assert.Null(reverted.Member("uptime"));
    }

    [Fact]
    public void Root_that_drops_the_collector_turns_reporting_off()
    {
        _device.Poll();
        Assert.True(_device.Stored().IsEnabled);
        _device.Site.Collector = null;
        _device.Site.RotateRoot(keepReleaseKeys: true);
        _device.Site.Publish(TestSite.Image(2 * 4096, 2), "1.1.0", 2);
        int before = Collector.Posts.Count;

        _device.Device.Boot();
        _device.Poll();
        _device.Device.Boot();
        _device.Device.Confirm();
        _device.Device.Boot();
        _device.Poll();

        Assert.Equal(before, Collector.Posts.Count);
        var stored = _device.Stored();
        Assert.False(stored.IsEnabled);
        Assert.Equal(0, stored.Count);
        Assert.True(stored.Counter >= before);
    }
}
