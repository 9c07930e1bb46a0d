using System.Globalization;
using System.Text.Json;

namespace SecureOta.Build.Gate;

/// <summary>
/// Writes and reads <see cref="GateRecord"/>: indented JSON, members in a fixed order, times as ISO-8601
/// UTC, each channel's collector counts in the summary's own shape (<see cref="CollectorSummaryParser.ParseChannel"/>).
/// </summary>
public static class GateRecordJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 2, NewLine = "\n" };

    public static byte[] Write(GateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("type", GateRecord.Type);
            writer.WriteNumber("spec", GateRecord.Spec);
            writer.WriteString("generated", Time(record.Generated));
            if (record.SummaryGenerated is { } summary) writer.WriteString("summaryGenerated", Time(summary));
            else writer.WriteNull("summaryGenerated");
            if (record.SummaryProblem is { } problem) writer.WriteString("summaryProblem", problem);
            else writer.WriteNull("summaryProblem");
            writer.WriteStartArray("channels");
            foreach (var channel in record.Channels) WriteChannel(writer, channel);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static GateRecord Read(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.GetProperty("type").GetString() != GateRecord.Type || root.GetProperty("spec").GetInt32() != GateRecord.Spec)
            {
                throw new SummaryFormatException($"not a {GateRecord.Type} record of spec {GateRecord.Spec}");
            }

            var channels = root.GetProperty("channels").EnumerateArray().Select((c, i) => ReadChannel(c, $"$.channels[{i}]")).ToList();
            return new GateRecord(ParseTime(root.GetProperty("generated")), OptionalTime(root, "summaryGenerated"),
                OptionalString(root, "summaryProblem"), channels);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SummaryFormatException($"the gate record is malformed: {exception.Message}", exception);
        }
    }

    private static void WriteChannel(Utf8JsonWriter writer, GateChannelRecord channel)
    {
        writer.WriteStartObject();
        writer.WriteString("channel", channel.Channel);
        writer.WriteString("release", channel.Release);
        writer.WriteString("target", channel.Target);
        writer.WriteNumber("percent", channel.Percent);
        writer.WriteString("state", channel.State);
        writer.WriteBoolean("governed", channel.Governed);
        writer.WriteStartArray("decisions");
        foreach (var decision in channel.Decisions)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Time(decision.At));
            writer.WriteString("release", decision.Release);
            writer.WriteString("verdict", decision.Verdict.ToString().ToLowerInvariant());
            writer.WriteNumber("stepBefore", decision.StepBefore);
            writer.WriteNumber("stepAfter", decision.StepAfter);
            writer.WriteString("targetAfter", decision.TargetAfter);
            WriteCounts(writer, decision.Devices);
            writer.WriteString("why", decision.Why);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("reports");
        if (channel.Reports is null) writer.WriteNullValue();
        else WriteReports(writer, channel.Reports);
        writer.WriteEndObject();
    }

    private static void WriteReports(Utf8JsonWriter writer, ChannelReportSummary reports)
    {
        writer.WriteStartObject();
        writer.WriteString("channel", reports.Channel);
        writer.WriteStartArray("releases");
        foreach (var release in reports.Releases)
        {
            writer.WriteStartObject();
            writer.WriteString("version", release.Version);
            WriteCounts(writer, release.Devices);
            writer.WriteStartArray("failureReasons");
            foreach (var reason in release.FailureReasons)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", reason.Kind);
                if (reason.Check is null) writer.WriteNull("check"); else writer.WriteString("check", reason.Check);
                if (reason.Reason is null) writer.WriteNull("reason"); else writer.WriteString("reason", reason.Reason);
                writer.WriteNumber("devices", reason.Devices);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("versionsInField");
        foreach (var (version, devices) in reports.VersionsInField) writer.WriteNumber(version, devices);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, DeviceOutcomeCounts devices)
    {
        writer.WriteStartObject("devices");
        writer.WriteNumber("trialScheduled", devices.TrialScheduled);
        writer.WriteNumber("confirmed", devices.Confirmed);
        writer.WriteNumber("reverted", devices.Reverted);
        writer.WriteNumber("rejected", devices.Rejected);
        writer.WriteNumber("failed", devices.Failed);
        writer.WriteEndObject();
    }

    private static GateChannelRecord ReadChannel(JsonElement channel, string path)
    {
        var decisions = channel.GetProperty("decisions").EnumerateArray().Take(GateChannelRecord.MaxDecisions).Select(d =>
        {
            var devices = d.GetProperty("devices");
            var counts = new DeviceOutcomeCounts(devices.GetProperty("trialScheduled").GetInt32(), devices.GetProperty("confirmed").GetInt32(),
                devices.GetProperty("reverted").GetInt32(), devices.GetProperty("rejected").GetInt32(), devices.GetProperty("failed").GetInt32());
            if (!Enum.TryParse<GateVerdict>(d.GetProperty("verdict").GetString(), ignoreCase: true, out var verdict)) throw new FormatException($"{path}: unknown verdict");
            return new GateDecision(ParseTime(d.GetProperty("at")), channel.GetProperty("channel").GetString()!, d.GetProperty("release").GetString()!, verdict,
                d.GetProperty("stepBefore").GetInt32(), d.GetProperty("stepAfter").GetInt32(), d.GetProperty("targetAfter").GetString()!, counts,
                d.GetProperty("why").GetString()!);
        }).ToList();
        var reports = channel.GetProperty("reports");
        return new GateChannelRecord(channel.GetProperty("channel").GetString()!, channel.GetProperty("release").GetString()!,
            channel.GetProperty("target").GetString()!, channel.GetProperty("percent").GetInt32(), channel.GetProperty("state").GetString()!,
            channel.GetProperty("governed").GetBoolean(), decisions,
            reports.ValueKind == JsonValueKind.Null ? null : CollectorSummaryParser.ParseChannel(reports, path + ".reports"));
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(JsonElement element) =>
        DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset? OptionalTime(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? ParseTime(value) : null;

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
