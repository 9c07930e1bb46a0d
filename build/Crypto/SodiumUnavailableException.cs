namespace SecureOta.Build.Crypto;

/// <summary>
/// libsodium is missing or unusable, so the build cannot sign or wrap keys. The message always says how
/// to install the library, because the person who sees it is usually setting up a machine or a CI runner.
/// </summary>
public sealed class SodiumUnavailableException : Exception
{
    /// <summary>What a maintainer does to get a working libsodium on each platform.</summary>
    public const string InstallHint =
        "Install libsodium: Debian/Ubuntu `sudo apt-get install libsodium23`; " +
        "Fedora `sudo dnf install libsodium`; macOS `brew install libsodium`; " +
        "Windows: put libsodium.dll next to the build or on PATH.";

    public SodiumUnavailableException(SodiumUnavailableReason reason, string problem, Exception? innerException = null)
        : base(problem + " " + InstallHint, innerException)
    {
        Reason = reason;
    }

    /// <summary>Which step failed: loading, initialising or the self-test.</summary>
    public SodiumUnavailableReason Reason { get; }
}
