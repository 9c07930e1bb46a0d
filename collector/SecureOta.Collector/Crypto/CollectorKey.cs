using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using NSecPublicKey = NSec.Cryptography.PublicKey;

namespace SecureOta.Collector.Crypto;

/// <summary>
/// The collector's X25519 key pair and the report MAC key it shares with each device (contract
/// section 1): Z = X25519(collector private, device public); macKey = HKDF-SHA256(ikm = Z,
/// salt = collectorPublic || devicePublic, info = "SecureOta/v2/report-mac", L = 32). The private key
/// stays inside NSec's key (no export policy); <see cref="ToString"/> shows only the public key.
/// </summary>
public sealed class CollectorKey : IDisposable
{
    public const int KeySize = 32;

    /// <summary>The HKDF info of the report MAC key, as the device uses it.</summary>
    public static readonly byte[] MacKeyInfo = Encoding.ASCII.GetBytes("SecureOta/v2/report-mac");

    private static readonly KeyAgreementAlgorithm Agreement = KeyAgreementAlgorithm.X25519;

    private readonly Key _key;
    private readonly byte[] _publicKey;

    private CollectorKey(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Wraps a 32-byte X25519 private key (the caller wipes its copy).</summary>
    public static CollectorKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeySize)
            throw new ArgumentException($"An X25519 private key is {KeySize} bytes, was {privateKey.Length}.", nameof(privateKey));
        return new CollectorKey(Key.Import(Agreement, privateKey, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>A new random key pair (tests, the benchmark and the DEMO fleet).</summary>
    public static CollectorKey Generate() => new(Key.Create(Agreement));

    /// <summary>The 32-byte public key that goes into the signed root's "collector" member (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>
    /// The 32-byte MAC key shared with the device whose public key is <paramref name="devicePublicKey"/>,
    /// or null when that key has low order (an all-zero Z, which the contract refuses: such a
    /// "device" could be impersonated by anyone).
    /// </summary>
    public byte[]? DeriveMacKey(ReadOnlySpan<byte> devicePublicKey)
    {
        if (devicePublicKey.Length != KeySize)
            throw new ArgumentException($"An X25519 public key is {KeySize} bytes, was {devicePublicKey.Length}.", nameof(devicePublicKey));

        var peer = NSecPublicKey.Import(Agreement, devicePublicKey, KeyBlobFormat.RawPublicKey);
        // NSec answers null where libsodium finds an all-zero shared secret.
        using SharedSecret? z = Agreement.Agree(_key, peer);
        if (z is null) return null;

        byte[] salt = [.. _publicKey, .. devicePublicKey];
        return KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(z, salt, MacKeyInfo, KeySize);
    }

    /// <summary>HMAC-SHA256 of <paramref name="body"/> under <paramref name="macKey"/>: what X-SecureOta-Mac carries.</summary>
    public static byte[] Mac(byte[] macKey, ReadOnlySpan<byte> body) => HMACSHA256.HashData(macKey, body);

    public override string ToString() => $"collector X25519 public key {Convert.ToHexStringLower(_publicKey)}";

    public void Dispose() => _key.Dispose();
}
