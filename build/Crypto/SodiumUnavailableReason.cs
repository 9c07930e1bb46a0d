namespace SecureOta.Build.Crypto;

/// <summary>Why libsodium could not be used; carried by <see cref="SodiumUnavailableException"/>.</summary>
public enum SodiumUnavailableReason
{
    /// <summary>None of the candidate library names could be loaded.</summary>
    LibraryNotFound,

    /// <summary>The library loaded but lacks a function the build needs, or sodium_init failed.</summary>
    InitializationFailed,

    /// <summary>The library loaded but did not reproduce a published test vector.</summary>
    SelfTestFailed,
}
