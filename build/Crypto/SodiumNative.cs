using System.Runtime.InteropServices;

namespace SecureOta.Build.Crypto;

/// <summary>
/// The raw libsodium entry points, declared under libsodium's own names and signatures. Only
/// <see cref="LibSodium"/> calls these, after it has loaded and self-tested the library; the logical
/// name below is mapped to the loaded handle by <see cref="SodiumLibraryLoader"/>'s resolver.
/// Byte arrays are blittable, so the marshaller pins them and writes by the callee land in place.
/// </summary>
internal static class SodiumNative
{
    /// <summary>Logical library name the DllImport resolver maps to whichever libsodium was loaded.</summary>
    internal const string LibraryName = "secureota-libsodium";

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int sodium_init();

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int crypto_sign_seed_keypair(byte[] pk, byte[] sk, byte[] seed);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int crypto_sign_detached(byte[] sig, IntPtr siglen_p, byte[] m, ulong mlen, byte[] sk);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int crypto_sign_verify_detached(byte[] sig, byte[] m, ulong mlen, byte[] pk);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int crypto_scalarmult_curve25519(byte[] q, byte[] n, byte[] p);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int crypto_scalarmult_curve25519_base(byte[] q, byte[] n);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void randombytes_buf(byte[] buf, nuint size);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void sodium_memzero(byte[] pnt, nuint len);
}
