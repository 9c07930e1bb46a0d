namespace SecureOta.Build.Crypto;

/// <summary>
/// The build's only door to native crypto: libsodium (the library NSec wraps), under libsodium's own
/// function names so replacing it with NSec later is a local change. Every call first makes sure the
/// library is loaded, initialised and self-tested (once per process, thread-safe), else throws
/// <see cref="SodiumUnavailableException"/> with install instructions.
/// Arguments follow libsodium's order (outputs first); lengths come from the arrays and are checked,
/// wrong lengths throw <see cref="ArgumentException"/>.
/// </summary>
public static class LibSodium
{
    public const int crypto_sign_SEEDBYTES = 32;
    public const int crypto_sign_PUBLICKEYBYTES = 32;
    public const int crypto_sign_SECRETKEYBYTES = 64;
    public const int crypto_sign_BYTES = 64;
    public const int crypto_scalarmult_curve25519_BYTES = 32;
    public const int crypto_scalarmult_curve25519_SCALARBYTES = 32;

    private static readonly Lock InitializationGate = new();
    private static volatile bool s_ready;
    private static bool s_importsRouted;

    /// <summary>
    /// Loads libsodium, runs sodium_init and the self-test (RFC 8032 test 1, RFC 7748 6.1). Idempotent and
    /// safe to call from several threads; a failure is retried on the next call.
    /// </summary>
    public static void sodium_init()
    {
        if (s_ready) return;
        lock (InitializationGate)
        {
            if (s_ready) return;
            if (!s_importsRouted)
            {
                IntPtr handle = SodiumLibraryLoader.Load(SodiumLibraryLoader.DefaultCandidateNames);
                SodiumLibraryLoader.RouteImportsTo(handle);
                s_importsRouted = true;
            }

            int status;
            try
            {
                status = SodiumNative.sodium_init();
            }
            catch (EntryPointNotFoundException missing)
            {
                throw new SodiumUnavailableException(
                    SodiumUnavailableReason.InitializationFailed, "The loaded library has no sodium_init; it is not libsodium.", missing);
            }

            // 0 = initialised now, 1 = already initialised by someone else in this process, -1 = failure.
            if (status < 0)
                throw new SodiumUnavailableException(SodiumUnavailableReason.InitializationFailed, "sodium_init() failed.");

            SodiumSelfTest.Run();
            s_ready = true;
        }
    }

    /// <summary>Derives an Ed25519 key pair from a 32-byte seed: pk (32 bytes) and sk (64 bytes: seed || pk).</summary>
    public static void crypto_sign_seed_keypair(byte[] pk, byte[] sk, byte[] seed)
    {
        RequireLength(pk, crypto_sign_PUBLICKEYBYTES, nameof(pk));
        RequireLength(sk, crypto_sign_SECRETKEYBYTES, nameof(sk));
        RequireLength(seed, crypto_sign_SEEDBYTES, nameof(seed));
        sodium_init();
        Check(SodiumNative.crypto_sign_seed_keypair(pk, sk, seed), nameof(crypto_sign_seed_keypair));
    }

    /// <summary>Writes the 64-byte Ed25519 signature of m under the 64-byte secret key sk into sig.</summary>
    public static void crypto_sign_detached(byte[] sig, byte[] m, byte[] sk)
    {
        RequireLength(sig, crypto_sign_BYTES, nameof(sig));
        ArgumentNullException.ThrowIfNull(m);
        RequireLength(sk, crypto_sign_SECRETKEYBYTES, nameof(sk));
        sodium_init();
        Check(SodiumNative.crypto_sign_detached(sig, IntPtr.Zero, m, (ulong)m.Length, sk), nameof(crypto_sign_detached));
    }

    /// <summary>True when sig is a valid Ed25519 signature of m under pk (libsodium's strict checks apply).</summary>
    public static bool crypto_sign_verify_detached(byte[] sig, byte[] m, byte[] pk)
    {
        RequireLength(sig, crypto_sign_BYTES, nameof(sig));
        ArgumentNullException.ThrowIfNull(m);
        RequireLength(pk, crypto_sign_PUBLICKEYBYTES, nameof(pk));
        sodium_init();
        return SodiumNative.crypto_sign_verify_detached(sig, m, (ulong)m.Length, pk) == 0;
    }

    /// <summary>
    /// X25519: q = n * p. Returns false when the result is all zeros (p has low order), in which case q
    /// must not be used; libsodium reports that case and this wrapper wipes q.
    /// </summary>
    public static bool crypto_scalarmult_curve25519(byte[] q, byte[] n, byte[] p)
    {
        RequireLength(q, crypto_scalarmult_curve25519_BYTES, nameof(q));
        RequireLength(n, crypto_scalarmult_curve25519_SCALARBYTES, nameof(n));
        RequireLength(p, crypto_scalarmult_curve25519_BYTES, nameof(p));
        sodium_init();
        if (SodiumNative.crypto_scalarmult_curve25519(q, n, p) == 0) return true;
        SodiumNative.sodium_memzero(q, (nuint)q.Length);
        return false;
    }

    /// <summary>X25519 public key: q = n * base point.</summary>
    public static void crypto_scalarmult_curve25519_base(byte[] q, byte[] n)
    {
        RequireLength(q, crypto_scalarmult_curve25519_BYTES, nameof(q));
        RequireLength(n, crypto_scalarmult_curve25519_SCALARBYTES, nameof(n));
        sodium_init();
        Check(SodiumNative.crypto_scalarmult_curve25519_base(q, n), nameof(crypto_scalarmult_curve25519_base));
    }

    /// <summary>Fills buf with bytes from libsodium's CSPRNG (the OS generator).</summary>
    public static void randombytes_buf(byte[] buf)
    {
        ArgumentNullException.ThrowIfNull(buf);
        sodium_init();
        SodiumNative.randombytes_buf(buf, (nuint)buf.Length);
    }

    /// <summary>Zeroes pnt in a way the compiler and JIT cannot optimise away.</summary>
    public static void sodium_memzero(byte[] pnt)
    {
        ArgumentNullException.ThrowIfNull(pnt);
        sodium_init();
        SodiumNative.sodium_memzero(pnt, (nuint)pnt.Length);
    }

    private static void RequireLength(byte[] value, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != length)
            throw new ArgumentException($"Must be exactly {length} bytes, was {value.Length}.", name);
    }

    // libsodium only fails these for impossible inputs; a non-zero status means the library misbehaved.
    private static void Check(int status, string function)
    {
        if (status != 0) throw new InvalidOperationException($"libsodium {function} returned {status}.");
    }
}
