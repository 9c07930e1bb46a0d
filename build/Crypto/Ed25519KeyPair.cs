using NSec.Cryptography;
using NSecPublicKey = NSec.Cryptography.PublicKey;

namespace SecureOta.Build.Crypto;

/// <summary>
/// An Ed25519 signing key held in memory for the length of a build step, in NSec (libsodium bundled
/// with the package). The seed stays inside NSec's key, which is created without an export policy, so
/// nothing can read it back; <see cref="ToString"/> shows only the public key. Dispose frees it.
/// </summary>
public sealed class Ed25519KeyPair : IDisposable
{
    /// <summary>RFC 8032's private key (the seed), public key and signature sizes.</summary>
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private Ed25519KeyPair(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Derives the key pair from a 32-byte seed (RFC 8032's private key). The seed array is not kept.</summary>
    public static Ed25519KeyPair FromSeed(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.Length != SeedSize)
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes, was {seed.Length}.", nameof(seed));
        return new Ed25519KeyPair(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>A new key pair from libsodium's CSPRNG.</summary>
    public static Ed25519KeyPair Generate() => new(Key.Create(Algorithm));

    /// <summary>
    /// True when <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="message"/> under
    /// <paramref name="publicKey"/>, with libsodium's strict checks (crypto_sign_verify_detached). Wrong
    /// lengths and keys libsodium cannot import are simply not valid.
    /// </summary>
    public static bool Verify(byte[] publicKey, byte[] message, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize) return false;
        if (!NSecPublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out NSecPublicKey? key) || key is null) return false;
        return Algorithm.Verify(key, message, signature);
    }

    /// <summary>The 32-byte public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The 64-byte Ed25519 signature of <paramref name="message"/> (deterministic, RFC 8032).</summary>
    public byte[] Sign(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Algorithm.Sign(_key, message);
    }

    /// <summary>Shows the public key only, so logging a key pair never leaks the seed.</summary>
    public override string ToString() => $"Ed25519 public key {Convert.ToHexStringLower(_publicKey)}";

    /// <summary>Frees NSec's key (its memory is wiped); later calls to <see cref="Sign"/> throw.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _key.Dispose();
    }
}
