using System.Net;
using SecureOta.Collector.Tests.Support;

namespace SecureOta.Collector.Tests;

/// <summary>Accepting reports under load: rate limits with Retry-After, and one counter stored once however many arrive at once.</summary>
public sealed class ReportFlowTests
{
    public static TheoryData<string> Backends => TestDatabase.Backends;

    [Theory, MemberData(nameof(Backends))]
    public async Task Stores_a_good_report_with_every_member(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var device = collector.Devices[0];
        var body = device.Report(kind: "verification-failed", version: "1.3.0", running: "1.2.0", check: "C4", reason: "image digest differs");
        using var response = await collector.SendAsync(device, body);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, await collector.Host.Store.CountAsync(default));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rate_limits_a_device_that_floods(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend, configure: o => o with { DeviceReportsPerMinute = 5 });
        var (flooder, neighbour) = (collector.Devices[0], collector.Devices[1]);
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (int i = 0; i < 8; i++)
        {
            using var response = await collector.SendAsync(flooder, flooder.Report());
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) retryAfter ??= response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NoContent, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(5, await collector.Host.Store.CountAsync(default));
        // The limit is per device: another device on the same address is not held back.
        await collector.AssertStillServesAsync(neighbour);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rate_limits_a_client_address_that_floods(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend, configure: o => o with { AddressRequestsPerMinute = 4 });
        var statuses = new List<HttpStatusCode>();
        foreach (var device in collector.Devices.Concat(collector.Devices))
        {
            using var response = await collector.SendAsync(device, device.Report());
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NoContent, 4).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        Assert.Equal(4, await collector.Host.Store.CountAsync(default));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Concurrent_reports_with_one_counter_store_one(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var device = collector.Devices[0];
        for (long counter = 1; counter <= 5; counter++)
        {
            // 16 different bodies with the same counter, sent at once: exactly one is stored, the rest are replays.
            var bodies = Enumerable.Range(0, 16).Select(i => device.Report(counter: counter, reason: $"copy {i}", kind: "reverted")).ToList();
            var responses = await Task.WhenAll(bodies.Select(body => collector.SendAsync(device, body)));
            var statuses = responses.Select(r => r.StatusCode).ToList();
            foreach (var response in responses) response.Dispose();
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.NoContent));
            Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.Conflict));
        }
        Assert.Equal(5, await collector.Host.Store.CountAsync(default));
    }

    [Fact]
    public async Task Accepts_a_device_added_without_a_restart()
    {
        await using var collector = await TestCollector.StartAsync(TestDatabase.Sqlite);
        var newcomer = new TestDevice("device-new", collector.CollectorPublicKey);
        using (var before = await collector.SendAsync(newcomer, newcomer.Report(counter: 1))) Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        TestCollector.WriteRecipients(collector.RecipientsPath, collector.Devices.Append(newcomer));
        using (var after = await collector.SendAsync(newcomer, newcomer.Report(counter: 1))) Assert.Equal(HttpStatusCode.NoContent, after.StatusCode);
    }

    [Fact]
    public async Task Healthz_reports_the_devices_and_the_backend()
    {
        await using var collector = await TestCollector.StartAsync(TestDatabase.Sqlite);
        using var response = await collector.Http.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"devices\":3", text);
        Assert.Contains("\"backend\":\"sqlite\"", text);
    }

    [Fact]
    public async Task A_broken_recipients_file_answers_503_until_fixed()
    {
        await using var collector = await TestCollector.StartAsync(TestDatabase.Sqlite);
        var device = collector.Devices[0];
        string good = await File.ReadAllTextAsync(collector.RecipientsPath);
        await File.WriteAllTextAsync(collector.RecipientsPath, good[..(good.Length / 2)]);

        // Fail closed, but keep the reports: 503 makes devices retry later instead of dropping them.
        using (var refused = await collector.SendAsync(device, device.Report(counter: 1))) Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        using (var health = await collector.Http.GetAsync("healthz")) Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(0, await collector.Host.Store.CountAsync(default));

        await File.WriteAllTextAsync(collector.RecipientsPath, good);
        using (var accepted = await collector.SendAsync(device, device.Report(counter: 1))) Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }
}
