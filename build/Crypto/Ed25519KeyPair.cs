namespace SecureOta.Build.Crypto;

/// <summary>
/// An Ed25519 signing key held in memory for the length of a build step. The seed (inside libsodium's
/// 64-byte secret key) stays private: no property exposes it and <see cref="ToString"/> shows only the
/// public key. Dispose wipes it.
/// </summary>
public sealed class Ed25519KeyPair : IDisposable
{
    private readonly byte[] _secretKey;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private Ed25519KeyPair(byte[] secretKey, byte[] publicKey)
    {
        _secretKey = secretKey;
        _publicKey = publicKey;
    }

    /// <summary>Derives the key pair from a 32-byte seed (RFC 8032's private key). The seed array is not kept.</summary>
    public static Ed25519KeyPair FromSeed(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.Length != LibSodium.crypto_sign_SEEDBYTES)
            throw new ArgumentException($"An Ed25519 seed is {LibSodium.crypto_sign_SEEDBYTES} bytes, was {seed.Length}.", nameof(seed));

        byte[] publicKey = new byte[LibSodium.crypto_sign_PUBLICKEYBYTES];
        byte[] secretKey = new byte[LibSodium.crypto_sign_SECRETKEYBYTES];
        LibSodium.crypto_sign_seed_keypair(publicKey, secretKey, seed);
        return new Ed25519KeyPair(secretKey, publicKey);
    }

    /// <summary>A new key pair from libsodium's CSPRNG.</summary>
    public static Ed25519KeyPair Generate()
    {
        byte[] seed = new byte[LibSodium.crypto_sign_SEEDBYTES];
        try
        {
            LibSodium.randombytes_buf(seed);
            return FromSeed(seed);
        }
        finally
        {
            LibSodium.sodium_memzero(seed);
        }
    }

    /// <summary>The 32-byte public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The 64-byte Ed25519 signature of <paramref name="message"/> (deterministic, RFC 8032).</summary>
    public byte[] Sign(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] signature = new byte[LibSodium.crypto_sign_BYTES];
        LibSodium.crypto_sign_detached(signature, message, _secretKey);
        return signature;
    }

    /// <summary>Shows the public key only, so logging a key pair never leaks the seed.</summary>
    public override string ToString() => $"Ed25519 public key {Convert.ToHexStringLower(_publicKey)}";

    /// <summary>Wipes the secret key; later calls to <see cref="Sign"/> throw.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        LibSodium.sodium_memzero(_secretKey);
    }
}
