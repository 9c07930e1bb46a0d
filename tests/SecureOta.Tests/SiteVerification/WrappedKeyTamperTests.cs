using System.Security.Cryptography;
using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>
/// Attacks on the wrapped key files (57 bytes: format at 0, ephemeral key E at 1..32, wrapped key W
/// at 33..56). The device's file is unwrapped (K1-K4); the group's, whose private key the verifier
/// does not have, can only be checked for form (K1).
/// </summary>
public sealed class WrappedKeyTamperTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private string DeviceKeyFile => $"keys/{SiteFixture.StableVersion}/{fixture.Device.Id}";

    private string GroupKeyFile => $"keys/{SiteFixture.StableVersion}/{fixture.GroupId}";

    [Theory]
    [InlineData(0, "K1")]   // format byte
    [InlineData(1, "K3")]   // ephemeral key: another shared secret, so another key-encryption key
    [InlineData(20, "K3")]
    [InlineData(33, "K3")]  // wrapped key: the key-wrap integrity check fails
    [InlineData(56, "K3")]
    public void Rejects_device_key_file_with_a_tampered_byte(int offset, string step)
    {
        var site = fixture.Copy();
        site.FlipByte(DeviceKeyFile, offset);

        var report = site.Verify();

        SiteAssert.HasProblem(report, DeviceKeyFile, step);
        SiteAssert.OnlyFile(report, DeviceKeyFile);
    }

    [Fact]
    public void Rejects_group_key_file_with_a_tampered_format_byte()
    {
        var site = fixture.Copy();
        site.FlipByte(GroupKeyFile, 0);

        var report = site.Verify();

        SiteAssert.HasProblem(report, GroupKeyFile, "K1");
        SiteAssert.OnlyFile(report, GroupKeyFile);
    }

    [Fact]
    public void Rejects_truncated_and_extended_key_files()
    {
        var site = fixture.Copy();
        site.Truncate(GroupKeyFile, 1);
        site.Append(DeviceKeyFile, 0);

        var report = site.Verify();

        SiteAssert.HasProblem(report, GroupKeyFile, "K1");
        SiteAssert.HasProblem(report, DeviceKeyFile, "K1");
    }

    [Fact]
    public void Rejects_device_key_file_of_another_release_by_its_key_check()
    {
        var site = fixture.Copy();
        site.Write(DeviceKeyFile, site.Read($"keys/{SiteFixture.BetaVersion}/{fixture.Device.Id}"));

        var report = site.Verify();

        SiteAssert.HasProblem(report, DeviceKeyFile, "K4");
        SiteAssert.OnlyFile(report, DeviceKeyFile);
    }

    [Fact]
    public void Rejects_device_key_file_replaced_by_the_groups()
    {
        var site = fixture.Copy();
        site.Write(DeviceKeyFile, site.Read(GroupKeyFile));

        SiteAssert.HasProblem(site.Verify(), DeviceKeyFile, "K3");
    }

    [Fact]
    public void Rejects_site_missing_the_device_key_file_and_says_nothing_could_decrypt_the_release()
    {
        var site = fixture.Copy();
        site.Delete(DeviceKeyFile);

        var report = site.Verify();

        SiteAssert.HasProblem(report, DeviceKeyFile, SiteSteps.MissingFile);
        SiteAssert.HasProblem(report, $"keys/{SiteFixture.StableVersion}/", SiteSteps.NoContentKey);
    }

    [Fact]
    public void Rejects_site_missing_a_registered_recipients_key_file()
    {
        var site = fixture.Copy();
        site.Delete(GroupKeyFile);

        var report = site.Verify();

        SiteAssert.HasProblem(report, GroupKeyFile, SiteSteps.MissingFile);
        SiteAssert.OnlyFile(report, GroupKeyFile);
    }

    [Fact]
    public void Rejects_key_file_for_a_recipient_that_is_not_registered()
    {
        var site = fixture.Copy();
        var stranger = $"keys/{SiteFixture.StableVersion}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        site.Write(stranger, site.Read(GroupKeyFile));

        var report = site.Verify();

        SiteAssert.HasProblem(report, stranger, SiteSteps.UnlistedFile);
        SiteAssert.OnlyFile(report, stranger);
    }

    [Fact]
    public void Key_file_for_an_unknown_recipient_is_checked_for_form_when_no_registry_is_given()
    {
        var site = fixture.Copy();
        var stranger = $"keys/{SiteFixture.StableVersion}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        site.Write(stranger, new byte[57]);

        var report = site.Verify(i => i with { RegisteredRecipientIds = null });

        SiteAssert.HasProblem(report, stranger, "K1");
        SiteAssert.OnlyFile(report, stranger);
    }

    [Fact]
    public void Rejects_older_release_key_file_with_a_tampered_format_byte()
    {
        var site = fixture.Copy();
        var older = $"keys/{SiteFixture.OlderVersion}/{fixture.GroupId}";
        site.FlipByte(older, 0);

        var report = site.Verify();

        SiteAssert.HasProblem(report, older, "K1");
        SiteAssert.OnlyFile(report, older);
    }

    [Fact]
    public void Rejects_older_release_device_key_with_a_tampered_wrapped_key_when_the_build_key_is_given()
    {
        var site = fixture.Copy();
        var older = $"keys/{SiteFixture.OlderVersion}/{fixture.Device.Id}";
        site.FlipByte(older, 40);

        var report = site.Verify(i => i with { BuildContentKeys = fixture.ContentKeys });

        SiteAssert.HasProblem(report, older, "K3");
        SiteAssert.OnlyFile(report, older);
    }
}
