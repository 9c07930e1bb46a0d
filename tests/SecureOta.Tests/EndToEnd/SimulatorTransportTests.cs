using System.Text.Json.Nodes;
using SecureOta.Build.LocalServer;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Simulation;
using SecureOta.Tests.Device.Support;
using SecureOta.Tests.Https;

namespace SecureOta.Tests.EndToEnd;

/// <summary>
/// The simulated device's transport over real TLS on 127.0.0.1: it trusts the provisioned CAs until the
/// client hands it a trusted root, then exactly that root's tlsAnchors, and fails closed when none of
/// them is usable. It counts what it sent and received.
/// </summary>
public sealed class SimulatorTransportTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private static TrustedRoot RootPinning(params string[] anchors)
    {
        using var key = new TestSigner();
        using var release = new TestSigner();
        JsonObject payload = TestDocuments.Root(1, 4_000_000_000, [key], 1, [release], 1);
        payload["tlsAnchors"] = new JsonArray(anchors.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        Assert.True(RootVerifier.TryLoadTrusted(TestEnvelope.Sign(TestEnvelope.RootType, payload, key), out var root, out var failure), failure?.ToString());
        return root;
    }

    private SimulatorTransport TransportFor(LocalSiteServer server) =>
        new(server.UrlFor(TestSite.OtaPrefix), [_site.Authority.RootCertificatePem], null);

    private static byte[] Fetch(SimulatorTransport transport)
    {
        using var response = transport.Get(TestSite.ManifestPath, -1, null);
        return TestSite.ReadAll(response);
    }

    [Fact]
    public async Task Pins_follow_the_trusted_root_so_a_root_without_the_servers_ca_cuts_the_device_off_until_power_on()
    {
        using var other = TestCertificateAuthority.Create("SecureOta TEST other root CA");
        await using var server = await _site.StartAsync();
        using var transport = TransportFor(server);
        Assert.Equal(_site.Manifest, Fetch(transport));

        string line = transport.UseRootAnchors(RootPinning(other.RootCertificatePem));

        Assert.Equal("pins: 1 CA(s) from root v1: SecureOta TEST other root CA", line);
        var error = Assert.Throws<TransportException>(() => Fetch(transport));
        Assert.Contains("outside the pinned set", error.Message, StringComparison.Ordinal);
        transport.ResetToProvisioned();
        Assert.Equal(_site.Manifest, Fetch(transport));
        Assert.Equal((3L, 2L * _site.Manifest.Length), (transport.Requests, transport.BytesReceived));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Root_pinning_the_servers_ca_among_others_keeps_the_device_connected()
    {
        using var other = TestCertificateAuthority.Create("SecureOta TEST other root CA");
        await using var server = await _site.StartAsync();
        using var transport = TransportFor(server);

        string line = transport.UseRootAnchors(RootPinning(other.RootCertificatePem, _site.Authority.RootCertificatePem));

        Assert.Equal($"pins: 2 CA(s) from root v1: SecureOta TEST other root CA, {TestCertificateAuthority.DefaultRootName}", line);
        Assert.Equal(_site.Manifest, Fetch(transport));
        Assert.Equal("root v1", transport.PinSource);
    }

    [Fact]
    public async Task Root_whose_anchors_hold_no_usable_root_ca_makes_every_request_fail_closed()
    {
        await using var server = await _site.StartAsync();
        using var transport = TransportFor(server);

        string line = transport.UseRootAnchors(RootPinning(TestDocuments.Certificate));

        Assert.Contains("pins no usable root CA", line, StringComparison.Ordinal);
        var error = Assert.Throws<TransportException>(() => Fetch(transport));
        Assert.Contains("connects to nothing", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
