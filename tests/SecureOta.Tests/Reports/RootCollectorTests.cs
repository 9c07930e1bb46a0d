using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Reports;

/// <summary>The root's optional collector member, from the build's writer to the device's reader (docs/PROTOCOL.md section 5).</summary>
public sealed class RootCollectorTests : IDisposable
{
    private readonly Ed25519KeyPair _root = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _approval = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _release = Ed25519KeyPair.Generate();
    private static readonly string Anchor = TestDocuments.RootCaPem();
    private static readonly byte[] CollectorKey = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    public void Dispose()
    {
        _root.Dispose();
        _approval.Dispose();
        _release.Dispose();
    }

    private RootMetadata Metadata(RootCollector? collector) => new(1, 1_900_000_000, "report-test",
        [_root.PublicKey, _approval.PublicKey, _release.PublicKey],
        new RoleDefinition(1, [KeyId.Of(_root.PublicKey)]), new RoleDefinition(1, [KeyId.Of(_approval.PublicKey)]),
        new RoleDefinition(1, [KeyId.Of(_release.PublicKey)]), [Anchor], collector);

    private TrustedRoot Load(byte[] payload)
    {
        Assert.True(RootVerifier.TryLoadTrusted(EnvelopeSigner.Sign(PayloadTypes.Root, payload, _root), out var root, out var failure), failure?.ToString());
        return root;
    }

    [Fact]
    public void Root_with_a_collector_round_trips_through_the_build_writer_and_the_device_reader()
    {
        var collector = new RootCollector("https://collector.example.com/fleet/", CollectorKey, [Anchor]);

        var root = Load(RootMetadataWriter.Write(Metadata(collector)));

        Assert.NotNull(root.Collector);
        Assert.Equal("https://collector.example.com/fleet/", root.Collector.Url);
        Assert.Equal("https://collector.example.com/fleet/v1/reports", root.Collector.ReportsUrl);
        Assert.Equal(CollectorKey, root.Collector.GetKey());
        Assert.Equal(1, root.Collector.TlsAnchorCount);
        Assert.Equal(Anchor, root.Collector.GetTlsAnchor(0));
    }

    [Fact]
    public void Root_without_a_collector_has_none_and_writes_no_member()
    {
        var payload = RootMetadataWriter.Write(Metadata(null));

        Assert.DoesNotContain("\"collector\"", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.Null(Load(payload).Collector);
    }

    [Theory]
    [InlineData("url", "\"http://collector.example.com/\"", "collector.url")]
    [InlineData("url", "\"https://collector.example.com\"", "collector.url")]
    [InlineData("url", "\"https:///path/\"", "collector.url")]
    [InlineData("url", "\"https://user@collector.example.com/\"", "collector.url")]
    [InlineData("url", "\"https://collector.example.com/?a=/\"", "collector.url")]
    [InlineData("url", "7", "collector.url")]
    [InlineData("key", "\"0A0B\"", "collector.key")]
    [InlineData("key", null, "collector.key")]
    [InlineData("tlsAnchors", "[]", "collector.tlsAnchors")]
    [InlineData("tlsAnchors", "[\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\"]", "collector.tlsAnchors[0]")]
    public void Bad_collector_member_is_refused_as_malformed_naming_it(string member, string? json, string named)
    {
        var document = JsonNode.Parse(RootMetadataWriter.Write(Metadata(new RootCollector("https://c.example/", CollectorKey, [Anchor]))))!.AsObject();
        var collector = document["collector"]!.AsObject();
        if (json is null) collector.Remove(member);
        else collector[member] = JsonNode.Parse(json);
        if (member == "key" && json == "\"0A0B\"") collector[member] = Convert.ToHexString(CollectorKey);
        var envelope = EnvelopeSigner.Sign(PayloadTypes.Root, Encoding.UTF8.GetBytes(document.ToJsonString()), _root);

        Assert.False(RootVerifier.TryLoadTrusted(envelope, out _, out var failure));

        Assert.Equal(VerificationError.Malformed, failure.Error);
        Assert.Equal("R5", failure.Step);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collector_that_is_not_an_object_is_refused()
    {
        var document = JsonNode.Parse(RootMetadataWriter.Write(Metadata(null)))!.AsObject();
        document["collector"] = "https://c.example/";
        var envelope = EnvelopeSigner.Sign(PayloadTypes.Root, Encoding.UTF8.GetBytes(document.ToJsonString()), _root);

        Assert.False(RootVerifier.TryLoadTrusted(envelope, out _, out var failure));
        Assert.Equal(VerificationError.Malformed, failure.Error);
        Assert.Contains("collector", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://collector.example.com/")]
    [InlineData("https://collector.example.com")]
    [InlineData("https://collector.example.com/#x/")]
    public void Build_refuses_to_sign_a_collector_url_devices_refuse(string url)
    {
        var e = Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(Metadata(new RootCollector(url, CollectorKey, [Anchor]))));
        Assert.Equal("collector.url", e.Member);
    }

    [Fact]
    public void Build_refuses_the_all_zero_collector_key()
    {
        var e = Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(Metadata(new RootCollector("https://c.example/", new byte[32], [Anchor]))));
        Assert.Equal("collector.key", e.Member);
    }
}
