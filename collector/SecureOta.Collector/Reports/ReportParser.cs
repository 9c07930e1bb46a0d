using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureOta.Collector.Reports;

/// <summary>
/// Parses a report body strictly (contract section 2): one JSON object of scalar members, each member
/// at most once, no unknown member, each value of its type and format. The body is small and both sides
/// are ours, so anything else is a bug or an attack and is refused with the rule it broke.
/// </summary>
public static partial class ReportParser
{
    /// <summary>The largest counter: 2^53 - 1, the largest integer every JSON reader keeps exactly.</summary>
    public const long MaxCounter = (1L << 53) - 1;

    public const int MaxReasonLength = 200;

    private static readonly string[] Required = ["spec", "device", "counter", "kind", "channel", "version", "running"];
    private static readonly string[] Optional = ["artifact", "check", "reason", "uptime"];

    [GeneratedRegex("^[0-9a-f]{64}$")]
    public static partial Regex DeviceIdPattern();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex("^[0-9A-Za-z.+-]{1,64}$")]
    private static partial Regex VersionPattern();

    // A section 9 step id (C4, P3, R2) or the reference device's failure step (HTTP, NET, IO, SLOT, TRIAL, KEY).
    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex CheckPattern();

    /// <summary>The report in <paramref name="body"/>; throws <see cref="ReportFormatException"/> naming the broken rule.</summary>
    public static DeviceReport Parse(ReadOnlySpan<byte> body)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new ReportFormatException("the body must be one JSON object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = reader.GetString()!;
                if (!Required.Contains(name) && !Optional.Contains(name))
                    throw new ReportFormatException($"unknown member \"{name}\" (allowed: {string.Join(", ", Required.Concat(Optional))})");
                if (values.ContainsKey(name))
                    throw new ReportFormatException($"member \"{name}\" appears more than once");
                reader.Read();
                values[name] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.TryGetInt64(out long number) ? number : throw new ReportFormatException($"\"{name}\" must be an integer"),
                    JsonTokenType.Null => null,
                    _ => throw new ReportFormatException($"\"{name}\" must be a string or an integer, not {reader.TokenType}"),
                };
            }
            // Anything after the object (a second value, garbage) makes the reader throw here.
            if (reader.Read()) throw new ReportFormatException("nothing may follow the JSON object");
        }
        catch (JsonException e)
        {
            throw new ReportFormatException($"not valid JSON ({e.Message})");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate escape inside a string surfaces from GetString as one of these.
            throw new ReportFormatException($"not valid UTF-8 JSON ({e.Message})");
        }

        foreach (var name in Required.Where(n => !values.ContainsKey(n) || values[n] is null))
            throw new ReportFormatException($"required member \"{name}\" is missing");

        if (Integer(values, "spec") != 1) throw new ReportFormatException("\"spec\" must be 1");
        long counter = Integer(values, "counter")!.Value;
        if (counter is < 1 or > MaxCounter) throw new ReportFormatException($"\"counter\" must be 1 to {MaxCounter}");
        string kind = Text(values, "kind")!;
        if (!ReportKinds.IsKnown(kind)) throw new ReportFormatException($"unknown kind '{kind}' (known: {string.Join(", ", ReportKinds.All)})");
        string? artifact = Text(values, "artifact");
        if (artifact is not (null or "full" or "delta")) throw new ReportFormatException("\"artifact\" must be \"full\" or \"delta\"");
        string? reason = Text(values, "reason");
        if (reason is not null && (reason.Length > MaxReasonLength || reason.Any(char.IsControl)))
            throw new ReportFormatException($"\"reason\" must be at most {MaxReasonLength} characters without control characters");
        long? uptime = Integer(values, "uptime");
        if (uptime < 0) throw new ReportFormatException("\"uptime\" must not be negative");

        return new DeviceReport(
            Matching(values, "device", DeviceIdPattern(), "64 lowercase hex digits"),
            counter,
            kind,
            Matching(values, "channel", ChannelPattern(), "1-32 of a-z, 0-9 and '-'"),
            Matching(values, "version", VersionPattern(), "1-64 of A-Z, a-z, 0-9, '.', '+' and '-'"),
            Matching(values, "running", VersionPattern(), "1-64 of A-Z, a-z, 0-9, '.', '+' and '-'"),
            artifact,
            values.ContainsKey("check") && values["check"] is not null ? Matching(values, "check", CheckPattern(), "1-16 of A-Z, a-z, 0-9, '_' and '-'") : null,
            reason,
            uptime,
            Encoding.UTF8.GetString(body));
    }

    private static string? Text(Dictionary<string, object?> values, string name) =>
        values.GetValueOrDefault(name) switch
        {
            null => null,
            string text => text,
            _ => throw new ReportFormatException($"\"{name}\" must be a string"),
        };

    private static long? Integer(Dictionary<string, object?> values, string name) =>
        values.GetValueOrDefault(name) switch
        {
            null => null,
            long number => number,
            _ => throw new ReportFormatException($"\"{name}\" must be an integer"),
        };

    private static string Matching(Dictionary<string, object?> values, string name, Regex pattern, string rule)
    {
        string text = Text(values, name)!;
        if (!pattern.IsMatch(text)) throw new ReportFormatException($"\"{name}\" must be {rule}");
        return text;
    }
}
