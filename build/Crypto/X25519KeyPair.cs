using NSec.Cryptography;
using NSecPublicKey = NSec.Cryptography.PublicKey;

namespace SecureOta.Build.Crypto;

/// <summary>
/// An X25519 key pair for wrapping content keys (the build's ephemeral side of ECIES), in NSec
/// (libsodium bundled with the package). The private key stays inside NSec's key, created without an
/// export policy; <see cref="ToString"/> shows only the public key. Dispose frees it.
/// </summary>
public sealed class X25519KeyPair : IDisposable
{
    /// <summary>RFC 7748's private key, public key and shared secret sizes.</summary>
    public const int KeySize = 32;

    private static readonly KeyAgreementAlgorithm Algorithm = KeyAgreementAlgorithm.X25519;

    private readonly Key _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private X25519KeyPair(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Wraps a 32-byte X25519 private key (not kept; clamping happens inside X25519 as RFC 7748 says).</summary>
    public static X25519KeyPair FromPrivateKey(byte[] privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Length != KeySize)
            throw new ArgumentException($"An X25519 private key is {KeySize} bytes, was {privateKey.Length}.", nameof(privateKey));
        return new X25519KeyPair(Key.Import(Algorithm, privateKey, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>A new key pair from libsodium's CSPRNG.</summary>
    public static X25519KeyPair Generate() => new(Key.Create(Algorithm));

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
        if (peerPublicKey.Length != KeySize)
            throw new ArgumentException($"An X25519 public key is {KeySize} bytes, was {peerPublicKey.Length}.", nameof(peerPublicKey));
        ObjectDisposedException.ThrowIf(_disposed, this);

        // NSec imports any 32 bytes as an X25519 public key (bit 255 masked, u reduced mod p, as RFC 7748)
        // and answers null where libsodium reports an all-zero result.
        var peer = NSecPublicKey.Import(Algorithm, peerPublicKey, KeyBlobFormat.RawPublicKey);
        // The wrapped key format (PROTOCOL.md section 8) runs its own HKDF over the raw X25519 output with
        // a salt and info of its own; so the shared secret is created exportable, exported once, freed.
        var exportable = new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        using SharedSecret? secret = Algorithm.Agree(_key, peer, in exportable);
        if (secret is null)
            throw new ArgumentException("The peer's X25519 public key has low order; it cannot be a real recipient key.", nameof(peerPublicKey));
        return secret.Export(SharedSecretBlobFormat.RawSharedSecret);
    }

    /// <summary>Shows the public key only, so logging a key pair never leaks the private key.</summary>
    public override string ToString() => $"X25519 public key {Convert.ToHexStringLower(_publicKey)}";

    /// <summary>Frees NSec's key (its memory is wiped); later calls to <see cref="SharedSecret"/> throw.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _key.Dispose();
    }
}
