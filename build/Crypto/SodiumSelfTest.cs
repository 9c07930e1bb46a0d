namespace SecureOta.Build.Crypto;

/// <summary>
/// Proves, before the first real use, that the loaded library computes Ed25519 and X25519 as published:
/// a mislinked or tampered library must not sign a release.
/// </summary>
internal static class SodiumSelfTest
{
    // RFC 8032 section 7.1, TEST 1 (empty message).
    private static readonly byte[] Rfc8032Test1Seed =
        Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static readonly byte[] Rfc8032Test1PublicKey =
        Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static readonly byte[] Rfc8032Test1Signature = Convert.FromHexString(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    // RFC 7748 section 6.1: Alice's private key and the public key derived from it.
    private static readonly byte[] Rfc7748AlicePrivateKey =
        Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static readonly byte[] Rfc7748AlicePublicKey =
        Convert.FromHexString("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");

    /// <summary>Runs the published vectors; throws <see cref="SodiumUnavailableException"/> on any mismatch.</summary>
    internal static void Run() =>
        Run(Rfc8032Test1Seed, Rfc8032Test1PublicKey, [], Rfc8032Test1Signature);

    /// <summary>
    /// Ed25519 part with the vector as parameters, so a test can show that a wrong answer is caught.
    /// Derives the key pair from the seed, signs, compares with the expected signature, verifies it.
    /// </summary>
    internal static void Run(byte[] seed, byte[] expectedPublicKey, byte[] message, byte[] expectedSignature)
    {
        try
        {
            CheckEd25519(seed, expectedPublicKey, message, expectedSignature);
            CheckX25519();
        }
        catch (EntryPointNotFoundException missing)
        {
            throw new SodiumUnavailableException(
                SodiumUnavailableReason.InitializationFailed,
                "The loaded libsodium lacks a function the build needs; it is too old or not libsodium.",
                missing);
        }
    }

    private static void CheckEd25519(byte[] seed, byte[] expectedPublicKey, byte[] message, byte[] expectedSignature)
    {
        byte[] publicKey = new byte[LibSodium.crypto_sign_PUBLICKEYBYTES];
        byte[] secretKey = new byte[LibSodium.crypto_sign_SECRETKEYBYTES];
        byte[] signature = new byte[LibSodium.crypto_sign_BYTES];
        try
        {
            bool ok = SodiumNative.crypto_sign_seed_keypair(publicKey, secretKey, seed) == 0
                && publicKey.AsSpan().SequenceEqual(expectedPublicKey)
                && SodiumNative.crypto_sign_detached(signature, IntPtr.Zero, message, (ulong)message.Length, secretKey) == 0
                && signature.AsSpan().SequenceEqual(expectedSignature)
                && SodiumNative.crypto_sign_verify_detached(signature, message, (ulong)message.Length, publicKey) == 0;
            if (!ok) throw SelfTestFailed("Ed25519 (RFC 8032 section 7.1, test 1)");
        }
        finally
        {
            SodiumNative.sodium_memzero(secretKey, (nuint)secretKey.Length);
        }
    }

    private static void CheckX25519()
    {
        byte[] publicKey = new byte[LibSodium.crypto_scalarmult_curve25519_BYTES];
        bool ok = SodiumNative.crypto_scalarmult_curve25519_base(publicKey, Rfc7748AlicePrivateKey) == 0
            && publicKey.AsSpan().SequenceEqual(Rfc7748AlicePublicKey);
        if (!ok) throw SelfTestFailed("X25519 (RFC 7748 section 6.1, Alice's public key)");
    }

    private static SodiumUnavailableException SelfTestFailed(string vector) =>
        new(SodiumUnavailableReason.SelfTestFailed,
            $"The loaded libsodium failed its self-test on {vector}; the library is broken or is not libsodium.");
}
