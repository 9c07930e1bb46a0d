namespace SecureOta.Build.Crypto;

/// <summary>
/// An X25519 key pair for wrapping content keys (the build's ephemeral side of ECIES). The private key
/// stays private: no property exposes it and <see cref="ToString"/> shows only the public key. Dispose
/// wipes it.
/// </summary>
public sealed class X25519KeyPair : IDisposable
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private X25519KeyPair(byte[] privateKey, byte[] publicKey)
    {
        _privateKey = privateKey;
        _publicKey = publicKey;
    }

    /// <summary>Wraps a 32-byte X25519 private key (copied; clamping happens inside X25519 as RFC 7748 says).</summary>
    public static X25519KeyPair FromPrivateKey(byte[] privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Length != LibSodium.crypto_scalarmult_curve25519_SCALARBYTES)
            throw new ArgumentException(
                $"An X25519 private key is {LibSodium.crypto_scalarmult_curve25519_SCALARBYTES} bytes, was {privateKey.Length}.",
                nameof(privateKey));

        byte[] ownPrivateKey = (byte[])privateKey.Clone();
        byte[] publicKey = new byte[LibSodium.crypto_scalarmult_curve25519_BYTES];
        LibSodium.crypto_scalarmult_curve25519_base(publicKey, ownPrivateKey);
        return new X25519KeyPair(ownPrivateKey, publicKey);
    }

    /// <summary>A new key pair from libsodium's CSPRNG.</summary>
    public static X25519KeyPair Generate()
    {
        byte[] privateKey = new byte[LibSodium.crypto_scalarmult_curve25519_SCALARBYTES];
        try
        {
            LibSodium.randombytes_buf(privateKey);
            return FromPrivateKey(privateKey);
        }
        finally
        {
            LibSodium.sodium_memzero(privateKey);
        }
    }

    /// <summary>The 32-byte public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>
    /// The raw 32-byte X25519 shared secret with <paramref name="peerPublicKey"/>; feed it to a KDF, never use
    /// it as a key directly. Throws <see cref="ArgumentException"/> when the peer key has low order (the
    /// secret would be all zeros and independent of our key), so a bad recipient key fails the build.
    /// </summary>
    public byte[] SharedSecret(byte[] peerPublicKey)
    {
        ArgumentNullException.ThrowIfNull(peerPublicKey);
        if (peerPublicKey.Length != LibSodium.crypto_scalarmult_curve25519_BYTES)
            throw new ArgumentException(
                $"An X25519 public key is {LibSodium.crypto_scalarmult_curve25519_BYTES} bytes, was {peerPublicKey.Length}.",
                nameof(peerPublicKey));
        ObjectDisposedException.ThrowIf(_disposed, this);

        byte[] secret = new byte[LibSodium.crypto_scalarmult_curve25519_BYTES];
        if (!LibSodium.crypto_scalarmult_curve25519(secret, _privateKey, peerPublicKey))
            throw new ArgumentException("The peer's X25519 public key has low order; it cannot be a real recipient key.", nameof(peerPublicKey));
        return secret;
    }

    /// <summary>Shows the public key only, so logging a key pair never leaks the private key.</summary>
    public override string ToString() => $"X25519 public key {Convert.ToHexStringLower(_publicKey)}";

    /// <summary>Wipes the private key; later calls to <see cref="SharedSecret"/> throw.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        LibSodium.sodium_memzero(_privateKey);
    }
}
