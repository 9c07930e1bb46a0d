using SecureOta.Build.LocalServer;
using SecureOta.Device.Host.Http;

namespace SecureOta.Tests.Https;

/// <summary>What may be pinned: root CAs only, from the PEM strings of a root's tlsAnchors.</summary>
public sealed class PinnedAnchorSetTests
{
    [Fact]
    public void Accepts_the_repository_anchors_as_root_cas()
    {
        var pems = Directory.GetFiles(SecureOta.Tests.Support.TestAnchors.Folder, "*.pem").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToList();

        var anchors = PinnedAnchorSet.FromPem(pems);

        Assert.Equal(pems.Count, anchors.Count);
        Assert.Contains(anchors.SubjectNames, n => n.Contains("ISRG Root X1", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_several_certificates_in_one_pem_string()
    {
        using var first = TestCertificateAuthority.Create("SecureOta TEST first");
        using var second = TestCertificateAuthority.Create("SecureOta TEST second");

        var anchors = PinnedAnchorSet.FromPem([first.RootCertificatePem + "\n" + second.RootCertificatePem]);

        Assert.Equal(2, anchors.Count);
        Assert.True(anchors.Contains(second.RootCertificate));
    }

    [Fact]
    public void Refuses_to_pin_a_leaf_certificate()
    {
        using var authority = TestCertificateAuthority.Create();

        var error = Assert.Throws<ArgumentException>(() => PinnedAnchorSet.FromPem([authority.ServerCertificatePem]));

        Assert.Contains("not a root CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_empty_pin_set()
    {
        Assert.Throws<ArgumentException>(() => PinnedAnchorSet.FromPem([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    public void Refuses_a_pem_string_without_a_valid_certificate(string pem)
    {
        Assert.Throws<ArgumentException>(() => PinnedAnchorSet.FromPem([pem]));
    }
}
