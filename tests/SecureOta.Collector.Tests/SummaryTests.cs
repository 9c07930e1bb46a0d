using System.Net;
using System.Text.Json;
using SecureOta.Collector.Tests.Support;

namespace SecureOta.Collector.Tests;

/// <summary>GET /v1/summary (contract section 5): behind the token, distinct devices per outcome, versions in the field.</summary>
public sealed class SummaryTests
{
    public static TheoryData<string> Backends => TestDatabase.Backends;

    [Theory, MemberData(nameof(Backends))]
    public async Task Summary_requires_the_token(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        using (var none = await collector.GetSummaryAsync(token: null)) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using (var wrong = await collector.GetSummaryAsync(token: TestCollector.Token + "x")) Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using (var prefix = await collector.GetSummaryAsync(token: TestCollector.Token[..^1])) Assert.Equal(HttpStatusCode.Unauthorized, prefix.StatusCode);
        var basic = new HttpRequestMessage(HttpMethod.Get, "v1/summary");
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic " + TestCollector.Token);
        using (var wrongScheme = await collector.Http.SendAsync(basic)) Assert.Equal(HttpStatusCode.Unauthorized, wrongScheme.StatusCode);
        using (var right = await collector.GetSummaryAsync()) Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Summary_refuses_everyone_when_no_token_is_configured()
    {
        await using var collector = await TestCollector.StartAsync(TestDatabase.Sqlite, configure: o => o with { SummaryToken = null });
        using (var empty = await collector.GetSummaryAsync(token: "")) Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        using (var any = await collector.GetSummaryAsync()) Assert.Equal(HttpStatusCode.Unauthorized, any.StatusCode);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Summary_counts_distinct_devices_per_outcome(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend, devices: 4);
        var (a, b, c, d) = (collector.Devices[0], collector.Devices[1], collector.Devices[2], collector.Devices[3]);
        async Task Send(TestDevice device, string kind, string version = "1.3.0", string running = "1.2.0", string? check = null, string? reason = null)
        {
            using var response = await collector.SendAsync(device, device.Report(kind: kind, version: version, running: running, check: check, reason: reason));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Send(a, "trial-scheduled");
        await Send(a, "trial-scheduled"); // scheduled twice: two reports, one device
        await Send(a, "confirmed", running: "1.3.0");
        await Send(b, "trial-scheduled");
        await Send(b, "reverted", reason: "trial not confirmed");
        await Send(c, "verification-failed", check: "C4", reason: "image digest differs");
        await Send(c, "download-failed", reason: "timeout"); // both failure kinds: failed counts c once
        await Send(d, "release-rejected", check: "R2");
        await Send(d, "download-failed", reason: "timeout");

        var summary = await collector.SummaryAsync();
        Assert.Equal(1, summary.GetProperty("spec").GetInt32());
        var release = Release(summary, "stable", "1.3.0");
        var devices = release.GetProperty("devices");
        Assert.Equal(2, devices.GetProperty("trialScheduled").GetInt64());
        Assert.Equal(1, devices.GetProperty("confirmed").GetInt64());
        Assert.Equal(1, devices.GetProperty("reverted").GetInt64());
        Assert.Equal(1, devices.GetProperty("rejected").GetInt64());
        Assert.Equal(2, devices.GetProperty("failed").GetInt64());
        var reports = release.GetProperty("reports");
        Assert.Equal(3, reports.GetProperty("trial-scheduled").GetInt64());
        Assert.Equal(2, reports.GetProperty("download-failed").GetInt64());
        Assert.Equal(0, reports.GetProperty("heartbeat").GetInt64());

        var reasons = release.GetProperty("failureReasons").EnumerateArray()
            .Select(r => $"{r.GetProperty("kind").GetString()}|{r.GetProperty("check").GetString()}|{r.GetProperty("reason").GetString()}|{r.GetProperty("devices").GetInt64()}")
            .ToList();
        Assert.Equal("download-failed||timeout|2", reasons[0]);
        Assert.Contains("reverted||trial not confirmed|1", reasons);
        Assert.Contains("verification-failed|C4|image digest differs|1", reasons);
        Assert.Contains("release-rejected|R2||1", reasons);
        Assert.Equal(4, reasons.Count);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Versions_in_field_come_from_each_devices_latest_report(string backend)
    {
        var time = new SettableTime(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero));
        await using var collector = await TestCollector.StartAsync(backend, devices: 4, configure: o => o with { Time = time });
        var (a, b, c, d) = (collector.Devices[0], collector.Devices[1], collector.Devices[2], collector.Devices[3]);
        async Task Send(TestDevice device, string kind, string version, string running, string channel = "stable")
        {
            using var response = await collector.SendAsync(device, device.Report(kind: kind, version: version, running: running, channel: channel));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Send(a, "heartbeat", "1.2.0", "1.2.0");
        await Send(b, "heartbeat", "1.2.0", "1.2.0");
        await Send(c, "heartbeat", "2.0.0-beta.1", "2.0.0-beta.1", channel: "beta");
        time.Now = time.Now.AddHours(1);
        await Send(a, "confirmed", "1.3.0", "1.3.0");       // a now runs 1.3.0
        await Send(b, "trial-scheduled", "1.3.0", "1.2.0"); // b still runs 1.2.0
        await Send(d, "reverted", "1.3.0", "1.2.0");

        var field = Channel(await collector.SummaryAsync(), "stable").GetProperty("versionsInField");
        Assert.Equal(2, field.GetProperty("1.2.0").GetInt64());
        Assert.Equal(1, field.GetProperty("1.3.0").GetInt64());
        Assert.Equal(2, field.EnumerateObject().Count());
        var beta = Channel(await collector.SummaryAsync(), "beta").GetProperty("versionsInField");
        Assert.Equal(1, beta.GetProperty("2.0.0-beta.1").GetInt64());

        // ?since keeps only the later hour: the beta heartbeat and the 1.2.0 heartbeats drop out.
        var recent = await collector.SummaryAsync("?since=2026-12-06T07:30:00Z");
        Assert.DoesNotContain(recent.GetProperty("channels").EnumerateArray(), ch => ch.GetProperty("channel").GetString() == "beta");
        Assert.DoesNotContain(Channel(recent, "stable").GetProperty("releases").EnumerateArray(), r => r.GetProperty("version").GetString() == "1.2.0");
        Assert.Equal(2, Channel(recent, "stable").GetProperty("versionsInField").GetProperty("1.2.0").GetInt64());
        using var bad = await collector.GetSummaryAsync(query: "?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static JsonElement Channel(JsonElement summary, string channel) =>
        summary.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    private static JsonElement Release(JsonElement summary, string channel, string version) =>
        Channel(summary, channel).GetProperty("releases").EnumerateArray().Single(r => r.GetProperty("version").GetString() == version);
}
