using System.Security.Cryptography.X509Certificates;
using SecureOta.Build.LocalServer;

namespace SecureOta.Tests.Https;

/// <summary>The TEST CA: what it issues, and how it is saved (owner-only TEST key files) and reloaded.</summary>
public sealed class TestCertificateAuthorityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secureota-testca-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Root_is_a_self_signed_ca_that_may_only_sign_certificates()
    {
        using var authority = TestCertificateAuthority.Create();
        var root = authority.RootCertificate;

        Assert.Equal(root.SubjectName.Name, root.IssuerName.Name);
        var constraints = root.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        var usage = root.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        Assert.Contains("TEST", root.Subject, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", authority.RootCertificatePem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", authority.RootCertificatePem, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_certificate_names_the_loopback_address_and_localhost_and_is_not_a_ca()
    {
        using var authority = TestCertificateAuthority.Create();
        var server = authority.ServerCertificate;

        Assert.True(server.HasPrivateKey);
        Assert.True(server.MatchesHostname("127.0.0.1", allowWildcards: false, allowCommonName: false));
        Assert.True(server.MatchesHostname("localhost", allowWildcards: false, allowCommonName: false));
        Assert.False(server.MatchesHostname("example.com", allowWildcards: false, allowCommonName: false));
        Assert.False(server.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(authority.RootCertificate.Subject, server.Issuer);
        Assert.DoesNotContain("PRIVATE KEY", authority.ServerCertificatePem, StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_authority_reloads_with_the_same_certificates_and_working_keys()
    {
        using var original = TestCertificateAuthority.Create();
        original.Save(_folder);

        using var loaded = TestCertificateAuthority.Load(_folder);

        Assert.Equal(original.RootCertificatePem, loaded.RootCertificatePem);
        Assert.Equal(original.ServerCertificatePem, loaded.ServerCertificatePem);
        Assert.True(loaded.ServerCertificate.HasPrivateKey);
        using var issued = loaded.IssueServerCertificate(["reload.test"]);
        Assert.Equal(original.RootCertificate.Subject, issued.Issuer);
    }

    [Fact]
    public void Private_key_files_are_named_test_and_readable_by_their_owner_only()
    {
        using var authority = TestCertificateAuthority.Create();
        authority.Save(_folder);

        foreach (var name in new[] { TestCertificateAuthority.RootKeyFile, TestCertificateAuthority.ServerKeyFile })
        {
            var path = Path.Combine(_folder, name);
            Assert.StartsWith("TEST-", name, StringComparison.Ordinal);
            Assert.EndsWith(".key", name, StringComparison.Ordinal); // caught by the repository's *.key ignore rule
            Assert.StartsWith("# TEST ONLY", File.ReadAllText(path), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(Path.Combine(_folder, TestCertificateAuthority.RootCertificateFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_a_server_certificate_from_another_authority()
    {
        using var first = TestCertificateAuthority.Create();
        using var second = TestCertificateAuthority.Create("SecureOta TEST second root CA");
        first.Save(_folder);
        var otherFolder = Path.Combine(_folder, "other");
        second.Save(otherFolder);
        File.Copy(Path.Combine(otherFolder, TestCertificateAuthority.ServerCertificateFile), Path.Combine(_folder, TestCertificateAuthority.ServerCertificateFile), overwrite: true);
        File.Copy(Path.Combine(otherFolder, TestCertificateAuthority.ServerKeyFile), Path.Combine(_folder, TestCertificateAuthority.ServerKeyFile), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => TestCertificateAuthority.Load(_folder));

        Assert.Contains("not issued by the TEST root CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_a_key_that_does_not_match_its_certificate()
    {
        using var first = TestCertificateAuthority.Create();
        first.Save(_folder);
        File.Copy(Path.Combine(_folder, TestCertificateAuthority.RootKeyFile), Path.Combine(_folder, TestCertificateAuthority.ServerKeyFile), overwrite: true);

        Assert.Throws<InvalidDataException>(() => TestCertificateAuthority.Load(_folder));
    }

    [Fact]
    public void Load_or_create_reuses_a_saved_authority_and_renews_a_server_certificate_near_expiry()
    {
        var now = DateTimeOffset.UtcNow;
        string rootPem, serverPem;
        using (var created = TestCertificateAuthority.LoadOrCreate(_folder, now))
        {
            rootPem = created.RootCertificatePem;
            serverPem = created.ServerCertificatePem;
        }

        using (var reused = TestCertificateAuthority.LoadOrCreate(_folder, now))
        {
            Assert.Equal(rootPem, reused.RootCertificatePem);
            Assert.Equal(serverPem, reused.ServerCertificatePem);
        }

        var nearServerExpiry = now + TestCertificateAuthority.ServerLifetime - TimeSpan.FromDays(2);
        using var renewed = TestCertificateAuthority.LoadOrCreate(_folder, nearServerExpiry);
        Assert.Equal(rootPem, renewed.RootCertificatePem);
        Assert.NotEqual(serverPem, renewed.ServerCertificatePem);
        Assert.Equal(renewed.ServerCertificatePem, File.ReadAllText(Path.Combine(_folder, TestCertificateAuthority.ServerCertificateFile)).TrimEnd());
    }

    [Fact]
    public void Load_of_a_folder_without_an_authority_says_which_files_it_needs()
    {
        var error = Assert.Throws<InvalidDataException>(() => TestCertificateAuthority.Load(_folder));

        Assert.Contains(TestCertificateAuthority.RootKeyFile, error.Message, StringComparison.Ordinal);
    }
}
