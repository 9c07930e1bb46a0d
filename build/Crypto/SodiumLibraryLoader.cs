using System.Reflection;
using System.Runtime.InteropServices;

namespace SecureOta.Build.Crypto;

/// <summary>
/// Finds libsodium under the names distributions ship it as and routes <see cref="SodiumNative"/>'s
/// imports to it. The name list is a parameter so tests can show what a machine without libsodium sees.
/// </summary>
internal static class SodiumLibraryLoader
{
    /// <summary>
    /// Debian 12 / Ubuntu 24.04 ship soname 23, newer releases 26; the unversioned names cover
    /// development packages, Homebrew and Windows (where the loader appends ".dll").
    /// </summary>
    internal static readonly IReadOnlyList<string> DefaultCandidateNames =
        ["libsodium.so.23", "libsodium.so.26", "libsodium.so", "libsodium.dylib", "libsodium"];

    /// <summary>
    /// Loads the first candidate the operating system's loader finds (next to the build first, then the
    /// system search path) and returns its handle; throws <see cref="SodiumUnavailableException"/> naming
    /// every candidate when none loads.
    /// </summary>
    internal static IntPtr Load(IReadOnlyList<string> candidateNames)
    {
        ArgumentNullException.ThrowIfNull(candidateNames);
        if (candidateNames.Count == 0) throw new ArgumentException("At least one library name is needed.", nameof(candidateNames));

        Assembly assembly = typeof(SodiumLibraryLoader).Assembly;
        foreach (string name in candidateNames)
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath: null, out IntPtr handle)) return handle;
        }

        throw new SodiumUnavailableException(
            SodiumUnavailableReason.LibraryNotFound,
            $"libsodium could not be loaded (tried {string.Join(", ", candidateNames)}).");
    }

    /// <summary>
    /// Makes every <see cref="SodiumNative"/> import bind to <paramref name="handle"/>. The resolver is
    /// per assembly and can be set once, so the caller (LibSodium's one-time initialisation) calls this once.
    /// Other library names fall through to the runtime's default probing.
    /// </summary>
    internal static void RouteImportsTo(IntPtr handle)
    {
        NativeLibrary.SetDllImportResolver(
            typeof(SodiumNative).Assembly,
            (libraryName, _, _) => libraryName == SodiumNative.LibraryName ? handle : IntPtr.Zero);
    }
}
