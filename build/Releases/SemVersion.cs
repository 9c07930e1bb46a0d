using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SecureOta.Build.Releases;

/// <summary>
/// A Semantic Versioning 2.0.0 version. Parsing is strict (no "v" prefix, no leading zeros, no
/// empty identifiers), so <see cref="ToString"/> gives back exactly the parsed text.
/// <see cref="CompareTo"/> is SemVer precedence, which ignores build metadata; <see cref="Equals(SemVersion)"/>
/// compares the full text, so 1.0.0+a and 1.0.0+b are different versions of equal precedence.
/// </summary>
public sealed class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    private readonly string _text;

    private SemVersion(string text, ulong major, ulong minor, ulong patch, string[] prerelease, string[] build)
    {
        _text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    /// <summary>Pre-release identifiers (after '-'); empty for a normal release.</summary>
    public IReadOnlyList<string> Prerelease { get; }

    /// <summary>Build metadata identifiers (after '+'); ignored for precedence.</summary>
    public IReadOnlyList<string> Build { get; }

    public bool IsPrerelease => Prerelease.Count > 0;

    public static SemVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a SemVer 2.0.0 version.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SemVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var withoutBuild = plus < 0 ? text : text[..plus];
        var build = plus < 0 ? [] : text[(plus + 1)..].Split('.');
        var dash = withoutBuild.IndexOf('-', StringComparison.Ordinal);
        var core = (dash < 0 ? withoutBuild : withoutBuild[..dash]).Split('.');
        var prerelease = dash < 0 ? [] : withoutBuild[(dash + 1)..].Split('.');

        if (core.Length != 3
            || !TryParseNumber(core[0], out var major)
            || !TryParseNumber(core[1], out var minor)
            || !TryParseNumber(core[2], out var patch)
            || !prerelease.All(IsPrereleaseIdentifier)
            || !build.All(IsIdentifier))
        {
            return false;
        }

        version = new SemVersion(text, major, minor, patch, prerelease, build);
        return true;
    }

    /// <summary>SemVer precedence: negative when this version comes before <paramref name="other"/>.</summary>
    public int CompareTo(SemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        // A pre-release comes before the normal release with the same core.
        if (IsPrerelease != other.IsPrerelease)
        {
            return IsPrerelease ? -1 : 1;
        }

        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var order = CompareIdentifiers(Prerelease[i], other.Prerelease[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    public bool Equals(SemVersion? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SemVersion);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;

    public static bool operator <(SemVersion left, SemVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(SemVersion left, SemVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(SemVersion left, SemVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SemVersion left, SemVersion right) => left.CompareTo(right) >= 0;

    public static bool operator ==(SemVersion? left, SemVersion? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(SemVersion? left, SemVersion? right) => !(left == right);

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = left.All(char.IsAsciiDigit);
        var rightNumeric = right.All(char.IsAsciiDigit);
        if (leftNumeric && rightNumeric)
        {
            // No leading zeros, so the longer number is the larger; this also handles numbers beyond 64 bits.
            var byLength = left.Length.CompareTo(right.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(left, right));
    }

    private static bool TryParseNumber(string text, out ulong value)
    {
        value = 0;
        return IsNumericWithoutLeadingZero(text)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsNumericWithoutLeadingZero(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsPrereleaseIdentifier(string text) =>
        IsIdentifier(text) && (!text.All(char.IsAsciiDigit) || IsNumericWithoutLeadingZero(text));
}
