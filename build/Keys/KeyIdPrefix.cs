using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// A key id as a maintainer types it: the build's tables show the first 16 hex digits of the 64-hex
/// key id, so any unique prefix of 16 or more digits names a key; a shorter, ambiguous or unknown one
/// is refused with the role's key ids.
/// </summary>
public static class KeyIdPrefix
{
    /// <summary>The digits the tables show, and the fewest a prefix must have.</summary>
    public const int MinimumLength = 16;

    /// <summary>The full key id among <paramref name="keyIds"/> that <paramref name="given"/> names.</summary>
    public static string Resolve(string argument, string given, IReadOnlyList<string> keyIds, string role)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(keyIds);
        var prefix = given.Trim().ToLowerInvariant();
        var known = $"The {role} role's key ids: {string.Join(", ", keyIds.Select(id => id[..MinimumLength]))}.";
        if (prefix.Length < MinimumLength || prefix.Length > 64 || !prefix.All(Uri.IsHexDigit))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument,
                $"--{argument}={given} is not a key id: give the 64-hex key id or a prefix of at least {MinimumLength} hex digits (the build's tables show 16).",
                known);
        }

        var matches = keyIds.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new BuildException(BuildErrorCode.InvalidArgument, $"--{argument}={given}: no key of the {role} role has this id.",
                known + " Check the id against the dashboard (site/index.html) or the table of the last ceremony."),
            _ => throw new BuildException(BuildErrorCode.InvalidArgument,
                $"--{argument}={given} is ambiguous: it starts {matches.Count} key ids of the {role} role ({string.Join(", ", matches)}).",
                "Give more digits, up to the whole 64-hex key id."),
        };
    }
}
