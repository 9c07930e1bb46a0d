using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureOta.Tests.Publishing;

/// <summary>
/// Inputs for the publishing tests. The seeds are public test values, not anyone's key; images are
/// deterministic pseudo-random bytes so failures reproduce.
/// </summary>
internal static class PublishingSamples
{
    /// <summary>A 32-byte release seed used only by tests.</summary>
    public static byte[] ReleaseSeed() => Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();

    /// <summary>A different 32-byte seed, for "different secret gives different output" checks.</summary>
    public static byte[] OtherReleaseSeed() => Enumerable.Range(0, 32).Select(i => (byte)(0x10 + 3 * i)).ToArray();

    /// <summary>A 32-byte Ed25519 seed or X25519 private key numbered <paramref name="n"/>.</summary>
    public static byte[] TestSecret(int n) => SHA256.HashData(BitConverter.GetBytes(n));

    /// <summary><paramref name="length"/> bytes that differ between chunks, so a swapped chunk shows.</summary>
    public static byte[] Image(int length, int variant = 0)
    {
        byte[] image = new byte[length];
        byte[] block = new byte[32];
        for (int at = 0; at < length; at += block.Length)
        {
            block = SHA256.HashData(BitConverter.GetBytes((long)at * 31 + variant));
            Buffer.BlockCopy(block, 0, image, at, Math.Min(block.Length, length - at));
        }
        return image;
    }

    /// <summary>A fresh self-signed root CA certificate in PEM.</summary>
    public static string RootCaPem(string name = "SecureOta Test Root CA")
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(40), DateTimeOffset.UnixEpoch.AddYears(70));
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>A fresh self-signed certificate that is not a CA (a leaf).</summary>
    public static string LeafPem()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ota.example", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(40), DateTimeOffset.UnixEpoch.AddYears(70));
        return certificate.ExportCertificatePem() + "\n";
    }
}
