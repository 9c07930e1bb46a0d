namespace SecureOta.Build.Verification;

/// <summary>How the wrapped key files of a site were checked, for the summary.</summary>
public sealed class WrappedKeyTally
{
    private readonly SortedDictionary<string, int> _unwrappedBy = new(StringComparer.Ordinal);

    /// <summary>Key files unwrapped through K1-K4 with a recipient private key, by recipient name.</summary>
    public IReadOnlyDictionary<string, int> UnwrappedBy => _unwrappedBy;

    /// <summary>Key files unwrapped through K1-K4.</summary>
    public int Unwrapped => _unwrappedBy.Values.Sum();

    /// <summary>
    /// Key files checked for form only (K1: 57 bytes, format 1): no private key for their recipient is
    /// at hand, or (an older release's) no keyCheck to hold the unwrapped key to.
    /// </summary>
    public int FormChecked { get; private set; }

    /// <summary>Every key file checked.</summary>
    public int Total => Unwrapped + FormChecked;

    /// <summary>Releases whose artifact was decrypted with the build's content key instead of an unwrapped one.</summary>
    public int ReleasesWithBuildKey { get; private set; }

    internal void AddUnwrapped(string recipient) =>
        _unwrappedBy[recipient] = _unwrappedBy.GetValueOrDefault(recipient) + 1;

    internal void AddFormChecked() => FormChecked++;

    internal void AddBuildKeyRelease() => ReleasesWithBuildKey++;
}
