using System.Globalization;
using System.Text.RegularExpressions;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Context;

/// <summary>
/// Resolves the build's notion of "now" once: <c>--now</c>, else SOURCE_DATE_EPOCH, else the clock.
/// Always UTC and whole seconds, so a rebuild with the same inputs writes the same bytes.
/// </summary>
internal static partial class BuildTime
{
    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    // Year 9999, the last second DateTimeOffset can represent.
    private const long MaxUnixSeconds = 253_402_300_799;

    public static (DateTimeOffset Now, BuildTimeSource Source) Resolve(BuildArguments arguments, BuildEnvironment environment)
    {
        var argument = arguments.GetArgument("now");
        if (argument is not null)
        {
            return (ParseNow(argument) ?? throw new BuildException(
                BuildErrorCode.InvalidArgument,
                $"--now '{argument}' is not a time.",
                "Give Unix seconds (--now=1735689600) or an ISO-8601 time with a zone (--now=2025-01-01T00:00:00Z)."),
                BuildTimeSource.Argument);
        }

        // An empty variable is treated as unset: CI templates often expand missing values to "".
        var epoch = environment.GetEnvironmentVariable(SourceDateEpochVariable);
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            return (ParseUnixSeconds(epoch) ?? throw new BuildException(
                BuildErrorCode.InvalidEnvironmentVariable,
                $"{SourceDateEpochVariable} '{epoch}' is not a Unix time in whole seconds.",
                $"Set {SourceDateEpochVariable} to an integer such as $(git log -1 --format=%ct), or unset it."),
                BuildTimeSource.SourceDateEpoch);
        }

        return (Truncate(environment.Clock.GetUtcNow()), BuildTimeSource.Clock);
    }

    /// <summary>Unix seconds or ISO-8601 with an explicit zone; null when it is neither.</summary>
    public static DateTimeOffset? ParseNow(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ParseUnixSeconds(value) is { } fromSeconds)
        {
            return fromSeconds;
        }

        // A time without a zone would silently depend on the machine's time zone, so it is refused.
        if (!IsoWithZone().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        return Truncate(parsed.ToUniversalTime());
    }

    private static DateTimeOffset? ParseUnixSeconds(string value)
    {
        if (value.Length == 0 || !value.All(char.IsAsciiDigit)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > MaxUnixSeconds)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithZone();
}
