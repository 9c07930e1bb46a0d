using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>Attacks on the channel manifests: bytes in the payload, the signature and the JSON, keys, time, names.</summary>
public sealed class ChannelTamperTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    public static TheoryData<string> Channels => [SiteFixture.Stable, SiteFixture.Beta];

    [Theory]
    [MemberData(nameof(Channels))]
    public void Rejects_manifest_with_a_tampered_payload_byte(string channel)
    {
        var site = fixture.Copy();
        site.ChangeBase64(OtaPaths.ChannelFile(channel), "payload", 80);

        var report = site.Verify();

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(channel), "C4");
        SiteAssert.OnlyFile(report, OtaPaths.ChannelFile(channel));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Rejects_manifest_with_a_tampered_signature_byte(string channel)
    {
        var site = fixture.Copy();
        site.ChangeBase64(OtaPaths.ChannelFile(channel), "sig", 20);

        var report = site.Verify();

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(channel), "C4");
        SiteAssert.OnlyFile(report, OtaPaths.ChannelFile(channel));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Rejects_manifest_with_broken_json_syntax(string channel)
    {
        var site = fixture.Copy();
        var bytes = site.Read(OtaPaths.ChannelFile(channel));
        bytes[^1] = (byte)']';
        site.Write(OtaPaths.ChannelFile(channel), bytes);

        var report = site.Verify();

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(channel), "C2");
        SiteAssert.OnlyFile(report, OtaPaths.ChannelFile(channel));
    }

    [Fact]
    public void Rejects_expired_manifests()
    {
        var site = fixture.Copy();

        var report = site.Verify(i => i with { Now = DateTimeOffset.FromUnixTimeSeconds(SiteFixture.Issued + SiteFixture.ManifestLifetime) });

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(SiteFixture.Stable), "C8");
        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(SiteFixture.Beta), "C8");
        Assert.Equal(2, report.Problems.Count);
    }

    [Fact]
    public void Rejects_manifest_signed_by_a_key_not_in_the_root()
    {
        var site = fixture.Copy();
        using var stranger = Ed25519KeyPair.Generate();
        site.Write(OtaPaths.ChannelFile(SiteFixture.Stable), EnvelopeSigner.Sign(PayloadTypes.Channel, fixture.ChannelPayload(SiteFixture.Stable), stranger));

        var report = site.Verify();

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(SiteFixture.Stable), "C4");
        SiteAssert.OnlyFile(report, OtaPaths.ChannelFile(SiteFixture.Stable));
    }

    [Fact]
    public void Rejects_manifest_signed_by_the_release_key_root_2_revoked()
    {
        var site = fixture.Copy();
        site.Write(OtaPaths.ChannelFile(SiteFixture.Stable),
            EnvelopeSigner.Sign(PayloadTypes.Channel, fixture.ChannelPayload(SiteFixture.Stable), fixture.RevokedReleaseKey));

        SiteAssert.HasProblem(site.Verify(), OtaPaths.ChannelFile(SiteFixture.Stable), "C4");
    }

    [Fact]
    public void Rejects_another_channels_manifest_served_under_this_channels_name()
    {
        var site = fixture.Copy();
        site.Write(OtaPaths.ChannelFile(SiteFixture.Beta), site.Read(OtaPaths.ChannelFile(SiteFixture.Stable)));

        var report = site.Verify();

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(SiteFixture.Beta), "C6");
    }

    [Fact]
    public void Rejects_manifest_with_sequence_zero_that_no_device_would_act_on()
    {
        var site = fixture.Copy();
        var payload = Encoding.UTF8.GetString(fixture.ChannelPayload(SiteFixture.Stable))
            .Replace($"\"sequence\":{SiteFixture.Issued}", "\"sequence\":0", StringComparison.Ordinal);
        site.Write(OtaPaths.ChannelFile(SiteFixture.Stable), EnvelopeSigner.Sign(PayloadTypes.Channel, Encoding.UTF8.GetBytes(payload), fixture.ReleaseKey));

        SiteAssert.HasProblem(site.Verify(), OtaPaths.ChannelFile(SiteFixture.Stable), "C7");
    }

    [Fact]
    public void Rejects_site_missing_the_manifest_of_a_channel_with_releases()
    {
        var site = fixture.Copy();
        site.Delete(OtaPaths.ChannelFile(SiteFixture.Beta));

        var report = site.Verify();

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(SiteFixture.Beta), SiteSteps.MissingFile);
        SiteAssert.OnlyFile(report, OtaPaths.ChannelFile(SiteFixture.Beta));
    }
}
