using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureOta.Build.LocalServer;

/// <summary>
/// The on-disk form of a <see cref="TestCertificateAuthority"/>: PEM certificates and PKCS#8 PEM private
/// keys, each key file starting with comment lines that say TEST ONLY, and readable by its owner only.
/// </summary>
internal static class TestCertificateFiles
{
    private static readonly string[] KeyWarning =
    [
        "TEST ONLY: a private key of SecureOta's local test HTTPS server, generated on this machine.",
        "Never trust its CA outside tests and demos, never commit this file, never use it for a real site.",
    ];

    public static bool Exist(string folder) =>
        new[] { TestCertificateAuthority.RootCertificateFile, TestCertificateAuthority.RootKeyFile,
                TestCertificateAuthority.ServerCertificateFile, TestCertificateAuthority.ServerKeyFile }
            .All(name => File.Exists(Path.Combine(folder, name)));

    public static void Save(string folder, X509Certificate2 root, ECDsa rootKey, X509Certificate2 server, ECDsa serverKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, TestCertificateAuthority.RootCertificateFile), root.ExportCertificatePem() + "\n");
        WriteKey(Path.Combine(folder, TestCertificateAuthority.RootKeyFile), rootKey);
        File.WriteAllText(Path.Combine(folder, TestCertificateAuthority.ServerCertificateFile), server.ExportCertificatePem() + "\n");
        WriteKey(Path.Combine(folder, TestCertificateAuthority.ServerKeyFile), serverKey);
    }

    public static (X509Certificate2 Root, ECDsa RootKey, X509Certificate2 Server, ECDsa ServerKey) Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Exist(folder))
        {
            throw new InvalidDataException(
                $"'{folder}' does not hold a saved TEST CA ({TestCertificateAuthority.RootCertificateFile}, {TestCertificateAuthority.RootKeyFile}, " +
                $"{TestCertificateAuthority.ServerCertificateFile}, {TestCertificateAuthority.ServerKeyFile}).");
        }
        var (root, rootKey) = ReadPair(folder, TestCertificateAuthority.RootCertificateFile, TestCertificateAuthority.RootKeyFile);
        var (server, serverKey) = ReadPair(folder, TestCertificateAuthority.ServerCertificateFile, TestCertificateAuthority.ServerKeyFile);
        if (!IssuedBy(server, root))
        {
            throw new InvalidDataException($"The TEST server certificate in '{folder}' was not issued by the TEST root CA saved next to it.");
        }
        return (root, rootKey, server, serverKey);
    }

    /// <summary>
    /// The certificate joined with its key, re-imported through PKCS#12 so that Windows' TLS stack can
    /// use the key (it refuses ephemeral keys); on Linux this is a plain copy.
    /// </summary>
    public static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, ECDsa key)
    {
        using var joined = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(joined.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    private static (X509Certificate2 Certificate, ECDsa Key) ReadPair(string folder, string certificateFile, string keyFile)
    {
        var certificatePath = Path.Combine(folder, certificateFile);
        var keyPath = Path.Combine(folder, keyFile);
        var key = ECDsa.Create();
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
            key.ImportFromPem(File.ReadAllText(keyPath));
            var withKey = WithPrivateKey(certificate, key);
            return (withKey, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidDataException($"'{certificatePath}' and '{keyPath}' are not a matching PEM certificate and ECDSA private key: {e.Message}", e);
        }
    }

    private static bool IssuedBy(X509Certificate2 server, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        // Validity is LoadOrCreate's business (it renews); here only the signature path matters.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(server) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span);
    }

    private static void WriteKey(string path, ECDsa key)
    {
        var text = new StringBuilder();
        foreach (var line in KeyWarning) text.Append("# ").Append(line).Append('\n');
        text.Append(key.ExportPkcs8PrivateKeyPem()).Append('\n');

        // Created owner-only from the start; an older file is removed first so its mode cannot carry over.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(text.ToString());
    }
}
