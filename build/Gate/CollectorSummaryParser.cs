using System.Globalization;
using System.Text.Json;

namespace SecureOta.Build.Gate;

/// <summary>
/// Parses the collector's summary (REPORTS_CONTRACT section 5, docs/OPERATIONS.md): <c>spec</c> 1, <c>generated</c>,
/// and per channel its releases' distinct device counts, failure reasons and versions in the field. Members
/// this build does not use (the per-kind <c>reports</c> counts, anything a later collector adds) are ignored;
/// a missing or mistyped member it uses is a <see cref="SummaryFormatException"/> naming its JSON path.
/// The same channel shape is embedded in the gate's published record (<see cref="GateRecordJson"/>).
/// </summary>
public static class CollectorSummaryParser
{
    public const int Spec = 1;

    public static CollectorSummary Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            throw new SummaryFormatException($"the summary is not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = Object(document.RootElement, "$");
            var spec = Integer(Member(root, "$", "spec"), "$.spec");
            if (spec != Spec) throw new SummaryFormatException($"$.spec is {spec}; this build reads summary spec {Spec}");
            var generated = Time(Member(root, "$", "generated"), "$.generated");
            var channels = Array(Member(root, "$", "channels"), "$.channels")
                .Select((c, i) => ParseChannel(c, $"$.channels[{i}]")).ToList();
            return new CollectorSummary(generated, channels);
        }
    }

    public static ChannelReportSummary ParseChannel(JsonElement element, string path)
    {
        var channel = Object(element, path);
        var name = Text(Member(channel, path, "channel"), path + ".channel");
        var releases = Array(Member(channel, path, "releases"), path + ".releases")
            .Select((r, i) => ParseRelease(r, $"{path}.releases[{i}]")).ToList();
        var field = new List<KeyValuePair<string, int>>();
        if (channel.TryGetProperty("versionsInField", out var versions))
        {
            foreach (var version in Object(versions, path + ".versionsInField").EnumerateObject())
            {
                field.Add(new(version.Name, Count(version.Value, $"{path}.versionsInField.{version.Name}")));
            }
        }
        return new ChannelReportSummary(name, releases, field);
    }

    private static ReleaseReportSummary ParseRelease(JsonElement element, string path)
    {
        var release = Object(element, path);
        var version = Text(Member(release, path, "version"), path + ".version");
        var devicesPath = path + ".devices";
        var devices = Object(Member(release, path, "devices"), devicesPath);
        int Get(string name) => Count(Member(devices, devicesPath, name), $"{devicesPath}.{name}");
        var counts = new DeviceOutcomeCounts(Get("trialScheduled"), Get("confirmed"), Get("reverted"), Get("rejected"), Get("failed"));
        var reasons = new List<FailureReasonCount>();
        if (release.TryGetProperty("failureReasons", out var list))
        {
            reasons.AddRange(Array(list, path + ".failureReasons").Select((r, i) =>
            {
                var reasonPath = $"{path}.failureReasons[{i}]";
                var reason = Object(r, reasonPath);
                return new FailureReasonCount(Text(Member(reason, reasonPath, "kind"), reasonPath + ".kind"),
                    OptionalText(reason, "check", reasonPath), OptionalText(reason, "reason", reasonPath),
                    Count(Member(reason, reasonPath, "devices"), reasonPath + ".devices"));
            }));
        }
        return new ReleaseReportSummary(version, counts, reasons);
    }

    private static JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new SummaryFormatException($"{path} must be an object, not {element.ValueKind}");

    private static IEnumerable<JsonElement> Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new SummaryFormatException($"{path} must be an array, not {element.ValueKind}");

    private static JsonElement Member(JsonElement element, string path, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new SummaryFormatException($"{path} lacks the member '{name}'");

    private static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new SummaryFormatException($"{path} must be a string, not {element.ValueKind}");

    private static string? OptionalText(JsonElement element, string name, string path) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null : Text(value, $"{path}.{name}");

    private static long Integer(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : throw new SummaryFormatException($"{path} must be a whole number");

    private static int Count(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= 0
            ? value
            : throw new SummaryFormatException($"{path} must be a count from 0 to {int.MaxValue}");

    private static DateTimeOffset Time(JsonElement element, string path) =>
        DateTimeOffset.TryParse(Text(element, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new SummaryFormatException($"{path} must be an ISO-8601 UTC time such as 2026-12-06T07:00:00Z");
}
