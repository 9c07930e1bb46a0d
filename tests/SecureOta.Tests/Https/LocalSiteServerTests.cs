using System.Net;
using SecureOta.Build.LocalServer;

namespace SecureOta.Tests.Https;

/// <summary>
/// The local server as a stand-in for GitHub Pages, read with a plain HttpClient over its plain-http
/// mode (the TLS side is covered by the transport tests): loopback only, index pages, content types.
/// </summary>
public sealed class LocalSiteServerTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    public void Dispose()
    {
        _client.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Binds_to_the_loopback_address_only()
    {
        await using var server = await _site.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.BaseAddress.Host)));
        Assert.NotEqual(0, server.Port);
    }

    [Fact]
    public async Task Serves_index_html_for_a_folder_like_pages_does()
    {
        File.WriteAllText(Path.Combine(_site.Folder, "index.html"), "<h1>dashboard</h1>");
        await using var server = await LocalSiteServer.StartPlainHttpAsync(_site.Folder);

        var page = await _client.GetStringAsync(server.UrlFor(""));

        Assert.Equal("<h1>dashboard</h1>", page);
    }

    [Fact]
    public async Task Serves_extensionless_blobs_as_octet_stream_and_json_as_json()
    {
        await using var server = await LocalSiteServer.StartPlainHttpAsync(_site.Folder);

        using var blob = await _client.GetAsync(server.UrlFor(TestSite.OtaPrefix + TestSite.BlobPath));
        using var manifest = await _client.GetAsync(server.UrlFor(TestSite.OtaPrefix + TestSite.ManifestPath));

        Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
        Assert.Equal("application/octet-stream", blob.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", manifest.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stopped_server_refuses_connections_and_stopping_twice_is_harmless()
    {
        var server = await LocalSiteServer.StartPlainHttpAsync(_site.Folder);
        var url = server.UrlFor(TestSite.OtaPrefix + TestSite.ManifestPath);

        await server.StopAsync();
        server.Dispose();

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync(url));
    }

    [Fact]
    public async Task Refuses_a_certificate_without_its_private_key()
    {
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(_site.Authority.ServerCertificate.RawData);

        await Assert.ThrowsAsync<ArgumentException>(() => LocalSiteServer.StartHttpsAsync(_site.Folder, publicOnly));
    }
}
