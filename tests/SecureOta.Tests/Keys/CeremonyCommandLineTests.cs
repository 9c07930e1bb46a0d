using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Tests.Keys;

/// <summary>
/// The ceremonies' command line as a maintainer meets it: key ids as the tables show them, which CAs a
/// new pin set adds and removes, SignRoot with nothing to change, and InitRoot's next steps.
/// </summary>
public sealed class CeremonyCommandLineTests
{
    [Fact]
    public void Remove_root_key_accepts_the_16_hex_key_id_the_tables_show()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();
        var shown = ShortId(rootKeys[2]);
        var role = Root(workspace).RootRole;
        var fullId = Enumerable.Range(0, role.KeyCount).Select(role.GetKeyId).Single(id => id.StartsWith(shown, StringComparison.Ordinal));

        var (exit, consoles) = workspace.Run("--target=RotateRootKeys", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}", $"--remove-root-key={shown.ToUpperInvariant()}");

        Assert.True(exit == 0, consoles.AllText);
        Assert.Contains($"removed root key {fullId}", consoles.OutputText, StringComparison.Ordinal);
        var next = Next(workspace);
        Assert.False(next.RootRole.Contains(fullId));
        Assert.Equal(2, next.RootRole.KeyCount);
    }

    [Theory]
    [InlineData("0123456789abcde", "is not a key id: give the 64-hex key id or a prefix of at least 16 hex digits")]
    [InlineData("0123456789abcdef", "no key of the root role has this id")]
    [InlineData("not-hex-at-all-really", "is not a key id")]
    public void Remove_root_key_refuses_a_short_or_unknown_id_and_lists_the_roles_key_ids(string given, string expected)
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run("--target=RotateRootKeys", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}", $"--remove-root-key={given}");

        Assert.Equal((int)ExitCode.InvalidCommandLine, exit);
        Assert.Contains(expected, consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains($"The root role's key ids: ", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains(ShortId(rootKeys[0]), consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "2.json")));
    }

    [Fact]
    public void An_ambiguous_key_id_prefix_is_refused_with_every_key_it_matches()
    {
        string first = "00112233445566778899aabbccddeeff" + new string('1', 32), second = "00112233445566778899aabbccddeeff" + new string('2', 32);

        var failure = Assert.Throws<BuildException>(() => KeyIdPrefix.Resolve("remove-root-key", "00112233445566778899", [first, second], "root"));

        Assert.Contains("is ambiguous: it starts 2 key ids of the root role", failure.Problem, StringComparison.Ordinal);
        Assert.Contains(first, failure.Problem, StringComparison.Ordinal);
        Assert.Contains(second, failure.Problem, StringComparison.Ordinal);
        Assert.Equal(second, KeyIdPrefix.Resolve("remove-root-key", "00112233445566778899aabbccddeeff2", [first, second], "root"));
    }

    [Fact]
    public void ChangePinnedCAs_names_each_added_and_removed_certificate_by_subject_and_fingerprint()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();
        var anchors = Path.Combine(workspace.KeysDir, "tls-anchors");
        var removedFile = Directory.GetFiles(anchors, "*.pem").Order(StringComparer.Ordinal).First();
        using var removed = X509Certificate2.CreateFromPem(File.ReadAllText(removedFile));
        File.Delete(removedFile);
        using var added = NewCa("CN=SecureOta Test Pinned CA");
        File.WriteAllText(Path.Combine(anchors, "zz-test-ca.pem"), added.ExportCertificatePem());

        var (exit, consoles) = workspace.Run("--target=ChangePinnedCAs", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}");

        Assert.True(exit == 0, consoles.AllText);
        Assert.Contains("pinned CA set replaced: 4 -> 4 certificate(s)", consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains($"added CA CN=SecureOta Test Pinned CA, SHA-256 {Fingerprint(added)}", consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains($"removed CA {removed.Subject}, SHA-256 {Fingerprint(removed)}", consoles.OutputText, StringComparison.Ordinal);
        Assert.Equal(2, consoles.OutputText.Split('\n').Count(l => l.Contains(" CA ", StringComparison.Ordinal) && l.Contains("SHA-256", StringComparison.Ordinal)));
    }

    [Fact]
    public void SignRoot_with_no_change_option_is_refused_with_the_options_and_writes_nothing()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}");

        Assert.Equal((int)ExitCode.InvalidCommandLine, exit);
        foreach (var option in SecureOta.Build.Tasks.SignRootTask.ChangeOptions)
            Assert.Contains("--" + option, consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("--expires-days alone re-signs it with a new expiry", consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.RootDir, "2.json")));
    }

    [Fact]
    public void SignRoot_with_only_an_explicit_expiry_re_signs_the_root_until_then()
    {
        using var workspace = new CeremonyWorkspace();
        var (rootKeys, _) = workspace.InitRoot();

        var (exit, consoles) = workspace.Run("--target=SignRoot", $"--root-key={rootKeys[0]}", $"--root-key={rootKeys[1]}", "--expires-days=500");

        Assert.True(exit == 0, consoles.AllText);
        Assert.Contains("no change but a new expiry", consoles.OutputText, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero).AddDays(500).ToUnixTimeSeconds(), Next(workspace).Expires);
    }

    [Fact]
    public void InitRoot_says_to_store_the_release_key_in_both_signing_environments()
    {
        using var workspace = new CeremonyWorkspace();

        var (exit, consoles) = workspace.Run("--target=InitRoot", $"--out={workspace.Offline}");

        Assert.True(exit == 0, consoles.AllText);
        var next = consoles.OutputText.Split('\n').Single(l => l.StartsWith("Next:", StringComparison.Ordinal));
        Assert.Contains("'release-signing'", next, StringComparison.Ordinal);
        Assert.Contains("'release-refresh'", next, StringComparison.Ordinal);
    }

    private static string ShortId(string keyFile) => Path.GetFileNameWithoutExtension(keyFile)["root-".Length..];

    private static TrustedRoot Root(CeremonyWorkspace workspace) => RootHistory.Load(workspace.RootDir, p => p).Newest;

    private static TrustedRoot Next(CeremonyWorkspace workspace)
    {
        Assert.True(RootVerifier.TryLoadTrusted(File.ReadAllBytes(Path.Combine(workspace.RootDir, "1.json")), out var v1, out _));
        Assert.True(RootVerifier.TryAcceptNext(v1, File.ReadAllBytes(Path.Combine(workspace.RootDir, "2.json")), out var v2, out var failure), failure?.ToString());
        return v2;
    }

    private static X509Certificate2 NewCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
}
