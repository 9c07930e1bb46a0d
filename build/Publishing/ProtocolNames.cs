using System.Text.RegularExpressions;

namespace SecureOta.Build.Publishing;

/// <summary>
/// The name rules of docs/PROTOCOL.md section 6: channel names and release versions. Both become parts
/// of site paths (<c>channels/&lt;channel&gt;.json</c>, <c>keys/&lt;version&gt;/</c>), so the rules also
/// keep paths free of separators and escapes.
/// </summary>
public static partial class ProtocolNames
{
    /// <summary>True for a channel name: 1 to 32 of [a-z0-9-].</summary>
    public static bool IsChannel(string? name) => name is not null && ChannelPattern().IsMatch(name);

    /// <summary>
    /// True for an artifact kind: the build's own names (<c>full</c>, later delta kinds), held to the
    /// channel rule since the spec only says "string" and a device compares them exactly.
    /// </summary>
    public static bool IsArtifactKind(string? kind) => kind is not null && ChannelPattern().IsMatch(kind);

    /// <summary>True for a SemVer 2.0 version of at most 64 characters.</summary>
    public static bool IsReleaseVersion(string? version) =>
        version is not null && version.Length <= ProtocolLimits.MaxVersionLength && SemVerPattern().IsMatch(version);

    [GeneratedRegex(@"^[a-z0-9-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelPattern();

    // SemVer 2.0: MAJOR.MINOR.PATCH, numbers without leading zeros, optional pre-release identifiers
    // (numeric ones without leading zeros) and build metadata. [0-9] rather than \d: \d matches
    // non-ASCII digits in .NET. \z rather than $: $ also matches before a final newline.
    [GeneratedRegex(
        @"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)" +
        @"(?:-(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?" +
        @"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();
}
