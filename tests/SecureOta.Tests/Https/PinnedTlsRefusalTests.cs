using SecureOta.Build.LocalServer;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host.Http;

namespace SecureOta.Tests.Https;

/// <summary>
/// Servers the pinned transport must refuse, over a real TLS handshake with Kestrel on 127.0.0.1: the
/// TransportException says why, and no request reaches the server's files.
/// </summary>
public sealed class PinnedTlsRefusalTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Refuses_server_whose_certificate_chains_to_an_unpinned_test_ca()
    {
        using var impostor = TestCertificateAuthority.Create("SecureOta TEST impostor root CA");
        await using var server = await LocalSiteServer.StartHttpsAsync(_site.Folder, impostor.ServerCertificate);
        using var transport = _site.TransportFor(server);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        Assert.Contains("certificate chains to a CA outside the pinned set", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificateAuthority.DefaultRootName, error.Message, StringComparison.Ordinal);
        Assert.Contains("impostor", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Refuses_local_server_when_only_a_public_ca_is_pinned()
    {
        string isrg = File.ReadAllText(Path.Combine(SecureOta.Tests.Support.TestAnchors.Folder, "ISRG_Root_X1.pem"));
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server, [isrg]);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        Assert.Contains("outside the pinned set", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISRG Root X1", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Accepts_local_server_when_its_ca_is_pinned_beside_the_public_cas()
    {
        var anchors = Directory.GetFiles(SecureOta.Tests.Support.TestAnchors.Folder, "*.pem").Select(File.ReadAllText).ToList();
        anchors.Add(_site.Authority.RootCertificatePem);
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server, anchors);

        using var response = transport.Get(TestSite.ManifestPath, -1, null);

        Assert.Equal(_site.Manifest, TestSite.ReadAll(response));
    }

    [Fact]
    public async Task Accepts_server_that_sends_the_intermediate_between_its_leaf_and_the_pinned_root()
    {
        using var chain = new TestChain("Intermediate");
        await using var server = await LocalSiteServer.StartHttpsAsync(_site.Folder, chain.Leaf, [chain.Intermediate]);
        using var transport = _site.TransportFor(server, [chain.RootPem]);

        using var response = transport.Get(TestSite.ManifestPath, -1, null);

        Assert.Equal(_site.Manifest, TestSite.ReadAll(response));
    }

    [Fact]
    public async Task Refuses_server_that_sends_its_own_root_when_that_root_is_not_pinned()
    {
        using var chain = new TestChain("Self-promoting");
        await using var server = await LocalSiteServer.StartHttpsAsync(_site.Folder, chain.Leaf, [chain.Intermediate, chain.Root]);
        using var transport = _site.TransportFor(server);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        Assert.Contains("outside the pinned set", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Refuses_pinned_ca_certificate_issued_for_another_host_name()
    {
        using var wrongName = _site.Authority.IssueServerCertificate(["updates.example.test"]);
        await using var server = await LocalSiteServer.StartHttpsAsync(_site.Folder, wrongName);
        using var transport = _site.TransportFor(server);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        Assert.Contains("name mismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Refuses_expired_certificate_from_the_pinned_ca()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = _site.Authority.IssueServerCertificate(TestCertificateAuthority.LocalHostNames, now.AddMinutes(-50), now.AddMinutes(-10));
        await using var server = await LocalSiteServer.StartHttpsAsync(_site.Folder, expired);
        using var transport = _site.TransportFor(server);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        Assert.Contains("outside its validity period", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Https_transport_does_not_fall_back_to_a_plain_http_server()
    {
        await using var server = await LocalSiteServer.StartPlainHttpAsync(_site.Folder);
        using var transport = new PinnedHttpsTransport(new Uri($"https://127.0.0.1:{server.Port}/ota/v2/"), [_site.Authority.RootCertificatePem]);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.StatusCode == 200);
    }
}
