using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.LocalServer;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host.Http;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Reports;

/// <summary>The host's report transport posts over TLS pinned to the collector's own CAs (docs/PROTOCOL.md section 11d.2).</summary>
public sealed class PinnedReportTransportTests
{
    private static TrustedCollector CollectorAt(string url, string anchorPem)
    {
        using var root = Ed25519KeyPair.Generate();
        using var approval = Ed25519KeyPair.Generate();
        using var release = Ed25519KeyPair.Generate();
        var metadata = new RootMetadata(1, 1_900_000_000, "report-test", [root.PublicKey, approval.PublicKey, release.PublicKey],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]), new RoleDefinition(1, [KeyId.Of(approval.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(release.PublicKey)]), [TestDocuments.RootCaPem()],
            new RootCollector(url, Enumerable.Repeat((byte)9, 32).ToArray(), [anchorPem]));
        Assert.True(RootVerifier.TryLoadTrusted(EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(metadata), root), out var trusted, out var failure), failure?.ToString());
        return trusted.Collector!;
    }

    [Fact]
    public async Task Posts_the_report_with_its_headers_to_the_pinned_collector()
    {
        using var authority = TestCertificateAuthority.Create();
        await using var endpoint = await ReportEndpoint.StartAsync(authority.ServerCertificate);
        using var transport = new PinnedReportTransport();
        transport.UseCollector(CollectorAt(endpoint.BaseUrl, authority.RootCertificatePem));
        endpoint.Status = 409;
        var body = Encoding.ASCII.GetBytes("{\"spec\":1}xx");

        int status = transport.Post(new string('a', 64), new string('b', 64), body, 10, 10_000);

        Assert.Equal(409, status);
        var received = Assert.Single(endpoint.Received);
        Assert.Equal("POST /v1/reports", received.Request);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(new string('a', 64), received.Device);
        Assert.Equal(new string('b', 64), received.Mac);
        Assert.Equal("{\"spec\":1}", Encoding.ASCII.GetString(received.Body));
    }

    [Fact]
    public async Task Refuses_a_collector_whose_certificate_is_not_under_its_pinned_cas()
    {
        using var authority = TestCertificateAuthority.Create();
        await using var endpoint = await ReportEndpoint.StartAsync(authority.ServerCertificate);
        using var transport = new PinnedReportTransport();
        // The collector pins a real root CA; the local TEST CA that issued the server's certificate is not trusted.
        transport.UseCollector(CollectorAt(endpoint.BaseUrl, TestDocuments.RootCaPem()));

        Assert.Throws<TransportException>(() => transport.Post(new string('a', 64), new string('b', 64), [0x7b, 0x7d], 2, 10_000));
        Assert.Empty(endpoint.Received);
    }
}
