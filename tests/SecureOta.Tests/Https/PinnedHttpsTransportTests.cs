using SecureOta.Build.LocalServer;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host.Http;

namespace SecureOta.Tests.Https;

/// <summary>The pinned transport against a real Kestrel HTTPS server on 127.0.0.1: the protocol's GETs.</summary>
public sealed class PinnedHttpsTransportTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Pinned_ca_reaches_local_server_and_reads_file()
    {
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server);

        using var response = transport.Get(TestSite.BlobPath, -1, null);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(_site.Blob.Length, response.ContentLength);
        Assert.Equal(-1, response.ContentRangeStart);
        Assert.False(string.IsNullOrEmpty(response.ETag));
        Assert.Equal(_site.Blob, TestSite.ReadAll(response));
        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
    }

    [Fact]
    public async Task Reaches_local_server_by_the_localhost_name()
    {
        await using var server = await _site.StartAsync();
        using var transport = new PinnedHttpsTransport(new Uri($"https://localhost:{server.Port}/ota/v2/"), [_site.Authority.RootCertificatePem]);

        using var response = transport.Get(TestSite.ManifestPath, -1, null);

        Assert.Equal(_site.Manifest, TestSite.ReadAll(response));
    }

    [Fact]
    public async Task Range_request_gets_206_from_the_requested_byte()
    {
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server);
        const int start = 12_288;

        using var response = transport.Get(TestSite.BlobPath, start, null);

        Assert.Equal(206, response.StatusCode);
        Assert.Equal(start, response.ContentRangeStart);
        Assert.Equal(_site.Blob.Length - start, response.ContentLength);
        Assert.Equal(_site.Blob[start..], TestSite.ReadAll(response));
        Assert.Equal($"bytes={start}-", server.Requests.Single().Range);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_gets_304_without_body()
    {
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server);
        string etag;
        using (var first = transport.Get(TestSite.ManifestPath, -1, null)) etag = first.ETag;

        using var second = transport.Get(TestSite.ManifestPath, -1, etag);

        Assert.Equal(304, second.StatusCode);
        Assert.Empty(TestSite.ReadAll(second));
        Assert.Equal(etag, server.Requests[1].IfNoneMatch);
    }

    [Fact]
    public async Task If_none_match_with_a_stale_etag_gets_the_new_file()
    {
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server);

        using var response = transport.Get(TestSite.ManifestPath, -1, "\"stale\"");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(_site.Manifest, TestSite.ReadAll(response));
    }

    [Fact]
    public async Task Missing_file_is_a_404_response_not_an_exception()
    {
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server);

        using var response = transport.Get("channels/nightly.json", -1, null);

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task Redirect_is_returned_and_never_followed()
    {
        await using var server = await _site.StartAsync();
        server.Faults.Redirect(TestSite.OtaPrefix + TestSite.ManifestPath, server.UrlFor(TestSite.OtaPrefix + TestSite.OtherPath).AbsoluteUri);
        using var transport = _site.TransportFor(server);

        using var response = transport.Get(TestSite.ManifestPath, -1, null);

        Assert.Equal(302, response.StatusCode);
        Assert.Empty(TestSite.ReadAll(response));
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith(TestSite.OtherPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_works_only_when_explicitly_allowed()
    {
        await using var server = await LocalSiteServer.StartPlainHttpAsync(_site.Folder);
        var baseUrl = server.UrlFor(TestSite.OtaPrefix);
        string[] pins = [_site.Authority.RootCertificatePem];

        var refused = Assert.Throws<ArgumentException>(() => new PinnedHttpsTransport(baseUrl, pins));
        Assert.Contains("plain http", refused.Message, StringComparison.Ordinal);

        using var transport = new PinnedHttpsTransport(baseUrl, pins, new PinnedHttpsTransportOptions { AllowPlainHttp = true });
        using var response = transport.Get(TestSite.ManifestPath, -1, null);
        Assert.Equal(_site.Manifest, TestSite.ReadAll(response));
    }

    [Fact]
    public async Task Updated_pin_set_applies_to_the_next_connection()
    {
        await using var server = await _site.StartAsync();
        using var otherCa = TestCertificateAuthority.Create("SecureOta TEST other root CA");
        using var transport = _site.TransportFor(server, [otherCa.RootCertificatePem]);
        Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));

        transport.UpdatePinnedAnchors([otherCa.RootCertificatePem, _site.Authority.RootCertificatePem]);
        using (var accepted = transport.Get(TestSite.ManifestPath, -1, null)) Assert.Equal(200, accepted.StatusCode);

        transport.UpdatePinnedAnchors([otherCa.RootCertificatePem]);
        Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));
    }

    [Theory]
    [InlineData("/channels/stable.json")]
    [InlineData("../v2/root.json")]
    [InlineData("blobs/../../secret")]
    [InlineData("https://evil.example/x")]
    [InlineData("blobs//x")]
    [InlineData("blobs/%2e%2e/x")]
    [InlineData("channels/stable.json?x=1")]
    [InlineData("")]
    public void Path_that_could_leave_the_base_url_is_refused(string path)
    {
        using var transport = new PinnedHttpsTransport(new Uri("https://127.0.0.1:9/ota/v2/"), [_site.Authority.RootCertificatePem]);

        Assert.Throws<ArgumentException>(() => transport.Get(path, -1, null));
    }

    [Fact]
    public void Base_url_gets_a_trailing_slash_so_paths_stay_under_it()
    {
        using var transport = new PinnedHttpsTransport(new Uri("https://example.github.io/repo/ota/v2"), [_site.Authority.RootCertificatePem]);

        Assert.Equal("https://example.github.io/repo/ota/v2/", transport.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public async Task Connection_refused_is_a_transport_exception()
    {
        int port;
        await using (var server = await _site.StartAsync()) port = server.Port;
        using var transport = new PinnedHttpsTransport(new Uri($"https://127.0.0.1:{port}/ota/v2/"), [_site.Authority.RootCertificatePem]);

        var error = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, null));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0085b")]
    [InlineData("a\tb")]
    public void Etag_with_obs_text_or_a_tab_as_if_none_match_is_a_transport_failure_not_an_argument_exception(string etag)
    {
        using var transport = new PinnedHttpsTransport(new Uri("https://127.0.0.1:9/ota/v2/"), [_site.Authority.RootCertificatePem]);

        var e = Assert.Throws<TransportException>(() => transport.Get(TestSite.ManifestPath, -1, etag));

        Assert.Contains("If-None-Match", e.Message, StringComparison.Ordinal);
    }
}
