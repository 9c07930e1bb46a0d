using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host.Http;

namespace SecureOta.Tests.Https;

/// <summary>
/// The local server's fault modes, seen through the pinned transport: each one must actually produce
/// the misbehaviour a client test relies on, and the transport must turn broken bodies into
/// TransportException.
/// </summary>
public sealed class LocalSiteFaultTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Ignore_range_answers_200_with_the_full_body()
    {
        await using var server = await _site.StartAsync();
        server.Faults.IgnoreRange = true;
        using var transport = _site.TransportFor(server);

        using var response = transport.Get(TestSite.BlobPath, 4096, null);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(-1, response.ContentRangeStart);
        Assert.Equal(_site.Blob, TestSite.ReadAll(response));
        Assert.Equal("bytes=4096-", server.Requests.Single().Range);
    }

    [Fact]
    public async Task Dropped_connection_fails_the_read_and_the_download_resumes_with_range()
    {
        const int cut = 10_000;
        await using var server = await _site.StartAsync();
        server.Faults.DropConnectionAfter(cut, responses: 1);
        using var transport = _site.TransportFor(server);

        byte[] received;
        using (var broken = transport.Get(TestSite.BlobPath, -1, null))
        {
            Assert.Equal(200, broken.StatusCode);
            Assert.Equal(_site.Blob.Length, broken.ContentLength);
            (received, var error) = TestSite.ReadUntilFailure(broken);
            Assert.Contains("lost the connection", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(_site.Blob[..cut], received);

        using var resumed = transport.Get(TestSite.BlobPath, received.Length, null);
        Assert.Equal(206, resumed.StatusCode);
        Assert.Equal(received.Length, resumed.ContentRangeStart);
        Assert.Equal(_site.Blob[received.Length..], TestSite.ReadAll(resumed));
    }

    [Fact]
    public async Task Drop_limited_to_one_path_leaves_other_paths_whole()
    {
        await using var server = await _site.StartAsync();
        server.Faults.DropConnectionAfter(100, requestPath: TestSite.OtaPrefix + TestSite.BlobPath);
        using var transport = _site.TransportFor(server);

        using (var manifest = transport.Get(TestSite.ManifestPath, -1, null)) Assert.Equal(_site.Manifest, TestSite.ReadAll(manifest));
        using var blob = transport.Get(TestSite.BlobPath, -1, null);
        Assert.Throws<TransportException>(() => TestSite.ReadAll(blob));
    }

    [Fact]
    public async Task Stalled_body_fails_the_read_with_a_timeout()
    {
        const int cut = 8192;
        await using var server = await _site.StartAsync();
        server.Faults.StallAfter(cut);
        using var transport = _site.TransportFor(server, options: new PinnedHttpsTransportOptions { ReadTimeout = TimeSpan.FromSeconds(1) });

        using var response = transport.Get(TestSite.BlobPath, -1, null);
        var (received, error) = TestSite.ReadUntilFailure(response);

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(_site.Blob[..cut], received);
    }

    [Fact]
    public async Task Stopping_the_server_ends_a_stalled_response()
    {
        const int cut = 4096;
        await using var server = await _site.StartAsync();
        server.Faults.StallAfter(cut);
        using var transport = _site.TransportFor(server);
        using var response = transport.Get(TestSite.BlobPath, -1, null);

        await server.StopAsync();
        var (received, error) = TestSite.ReadUntilFailure(response);

        Assert.Contains("lost the connection", error.Message, StringComparison.Ordinal);
        Assert.Equal(_site.Blob[..cut], received);
    }

    [Fact]
    public async Task Serve_instead_answers_another_file_with_its_own_etag()
    {
        await using var server = await _site.StartAsync();
        using var transport = _site.TransportFor(server);
        string? genuineETag;
        using (var genuine = transport.Get(TestSite.ManifestPath, -1, null)) genuineETag = genuine.ETag;

        server.Faults.ServeInstead(TestSite.OtaPrefix + TestSite.ManifestPath, _site.FileFor(TestSite.OtherPath));
        using var swapped = transport.Get(TestSite.ManifestPath, -1, genuineETag);

        Assert.Equal(200, swapped.StatusCode);
        Assert.NotEqual(genuineETag, swapped.ETag);
        Assert.Equal(_site.Other, TestSite.ReadAll(swapped));
    }

    [Fact]
    public async Task Clear_restores_a_well_behaved_server()
    {
        await using var server = await _site.StartAsync();
        server.Faults.IgnoreRange = true;
        server.Faults.DropConnectionAfter(10);
        server.Faults.ServeInstead(TestSite.OtaPrefix + TestSite.BlobPath, _site.FileFor(TestSite.OtherPath));
        server.Faults.Clear();
        using var transport = _site.TransportFor(server);

        using var response = transport.Get(TestSite.BlobPath, 100, null);

        Assert.Equal(206, response.StatusCode);
        Assert.Equal(_site.Blob[100..], TestSite.ReadAll(response));
    }
}
