using System.Diagnostics;
using SecureOta.Build.LocalServer;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host.Http;
using DeviceSite = SecureOta.Tests.DeviceClient.Support.TestSite;
using TestDevice = SecureOta.Tests.DeviceClient.Support.TestDevice;

namespace SecureOta.Tests.Https;

/// <summary>
/// Issue 11 over real HTTPS: the local server's hostile faults (a drip, an ETag with obs-text or a tab, a
/// wrapped key that is missing and then heals) against the pinned transport and the device core.
/// </summary>
public sealed class HostileServerHttpsTests : IDisposable
{
    private readonly TestSite _https = new();

    public void Dispose() => _https.Dispose();

    [Fact]
    public async Task Drip_fault_sends_the_body_a_few_bytes_at_a_time()
    {
        await using var server = await _https.StartAsync();
        server.Faults.DripBodies(1000, TimeSpan.FromMilliseconds(100), "/" + TestSite.OtaPrefix + TestSite.OtherPath);
        using var transport = _https.TransportFor(server);
        var clock = Stopwatch.StartNew();

        using var response = transport.Get(TestSite.OtherPath, -1, null);
        byte[] body = TestSite.ReadAll(response);

        Assert.Equal(_https.Other, body);
        Assert.True(clock.ElapsedMilliseconds >= 400, $"5 pieces with 100 ms pauses took {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("a\u0085b")]
    [InlineData("\"a\tb\"")]
    public async Task Etag_fault_is_received_and_the_transport_refuses_to_send_it_back(string etag)
    {
        await using var server = await _https.StartAsync();
        server.Faults.ServeETag("/" + TestSite.OtaPrefix + TestSite.ManifestPath, etag);
        using var transport = _https.TransportFor(server);

        string? received;
        using (var response = transport.Get(TestSite.ManifestPath, -1, null)) received = response.ETag;

        Assert.Equal(etag, received);
        Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, received));
    }

    [Fact]
    public async Task Not_found_fault_heals_after_its_responses()
    {
        await using var server = await _https.StartAsync();
        server.Faults.NotFoundFor("/" + TestSite.OtaPrefix + TestSite.OtherPath, responses: 1);
        using var transport = _https.TransportFor(server);

        int first, second;
        using (var response = transport.Get(TestSite.OtherPath, -1, null)) first = response.StatusCode;
        using (var response = transport.Get(TestSite.OtherPath, -1, null)) second = response.StatusCode;

        Assert.Equal((404, 200), (first, second));
    }

    [Fact]
    public async Task Slow_retrieval_attack_over_https_a_dripped_manifest_ends_the_poll_within_its_deadline()
    {
        using var site = new DeviceSite();
        using var device = new TestDevice(site);
        device.Provision(DeviceSite.Image(5000, 41));
        device.Boot();
        site.Publish(DeviceSite.Image(6000, 42), "1.1.0", 1);
        await using var server = await StartDeviceSiteAsync(site);
        server.Faults.DripBodies(1, TimeSpan.FromMilliseconds(100), "/" + TestSite.OtaPrefix + DeviceSite.ChannelPath);
        using var transport = _https.TransportFor(server);
        device.Clock.RealMonotonic = true;
        var clock = Stopwatch.StartNew();

        UpdateReport report = device.NewClient(transport: transport, configure: o =>
        {
            o.PollDeadlineSeconds = 3;
            o.RateGraceSeconds = 1;
        }).Poll();

        Assert.Equal(UpdateResult.TransportFailed, report.Result);
        Assert.Contains("below the minimum of 2048 B/s", report.Failure!.Message, StringComparison.Ordinal);
        Assert.InRange(clock.ElapsedMilliseconds, 900, 3_000);
    }

    [Fact]
    public async Task Malicious_mirror_over_https_a_wrapped_key_404_that_heals_installs_on_the_next_poll()
    {
        using var site = new DeviceSite();
        using var device = new TestDevice(site);
        device.Provision(DeviceSite.Image(5000, 43));
        device.Boot();
        byte[] image = DeviceSite.Image(6000, 44);
        site.Publish(image, "1.1.0", 1);
        string keyPath = site.Files.Keys.Single(k => k.StartsWith("keys/", StringComparison.Ordinal));
        await using var server = await StartDeviceSiteAsync(site);
        server.Faults.NotFoundFor("/" + TestSite.OtaPrefix + keyPath, responses: 1);
        using var transport = _https.TransportFor(server);
        UpdateClient client = device.NewClient(transport: transport);

        UpdateReport missing = client.Poll();
        UpdateReport healed = client.Poll();

        Assert.Equal(UpdateResult.NoKeyForDevice, missing.Result);
        Assert.True(healed.Result == UpdateResult.TrialScheduled, healed.ToString());
        Assert.Equal(image, device.SlotBytes(SlotId.B));
    }

    /// <summary>Writes the device test site's files under this HTTPS site's folder and serves them.</summary>
    private Task<LocalSiteServer> StartDeviceSiteAsync(DeviceSite site)
    {
        foreach (var (path, bytes) in site.Files)
        {
            string file = _https.FileFor(path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
        return _https.StartAsync();
    }
}
