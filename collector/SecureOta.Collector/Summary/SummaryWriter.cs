using System.Globalization;
using System.Text.Json;
using SecureOta.Collector.Reports;
using SecureOta.Collector.Storage;

namespace SecureOta.Collector.Summary;

/// <summary>
/// Writes GET /v1/summary's JSON (contract section 5) from the store's grouped counts: per channel, per
/// release the distinct devices per outcome, the reports per kind and the failure reasons, and the
/// versions in the field (each device's latest report's "running"). Channels and releases come in a
/// stable order so the dashboard and CI logs diff cleanly.
/// </summary>
public static class SummaryWriter
{
    public const int Spec = 1;

    public static byte[] Write(SummaryRows rows, DateTimeOffset generated)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("spec", Spec);
            json.WriteString("generated", generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("channels");
            var channels = rows.Kinds.Select(k => k.Channel).Concat(rows.VersionsInField.Select(v => v.Channel))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var channel in channels) WriteChannel(json, rows, channel);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteChannel(Utf8JsonWriter json, SummaryRows rows, string channel)
    {
        json.WriteStartObject();
        json.WriteString("channel", channel);
        json.WriteStartArray("releases");
        var kinds = rows.Kinds.Where(k => k.Channel == channel).ToList();
        foreach (var version in kinds.Select(k => k.Version).Distinct(StringComparer.Ordinal).Order(VersionOrder.Instance))
        {
            var release = kinds.Where(k => k.Version == version).ToList();
            long Devices(string kind) => release.FirstOrDefault(k => k.Kind == kind)?.Devices ?? 0;

            json.WriteStartObject();
            json.WriteString("version", version);
            json.WriteStartObject("devices");
            json.WriteNumber("trialScheduled", Devices(ReportKinds.TrialScheduled));
            json.WriteNumber("confirmed", Devices(ReportKinds.Confirmed));
            json.WriteNumber("reverted", Devices(ReportKinds.Reverted));
            json.WriteNumber("rejected", Devices(ReportKinds.ReleaseRejected));
            // A device that failed both ways counts once: the store counts these distinct devices together.
            json.WriteNumber("failed", rows.FailedDevices.FirstOrDefault(f => f.Channel == channel && f.Version == version)?.Devices ?? 0);
            json.WriteEndObject();

            json.WriteStartObject("reports");
            foreach (var kind in ReportKinds.All) json.WriteNumber(kind, release.FirstOrDefault(k => k.Kind == kind)?.Reports ?? 0);
            json.WriteEndObject();

            json.WriteStartArray("failureReasons");
            var reasons = rows.Reasons.Where(r => r.Channel == channel && r.Version == version)
                .OrderByDescending(r => r.Devices).ThenBy(r => r.Kind, StringComparer.Ordinal)
                .ThenBy(r => r.Check, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal);
            foreach (var reason in reasons)
            {
                json.WriteStartObject();
                json.WriteString("kind", reason.Kind);
                json.WriteString("check", reason.Check);
                json.WriteString("reason", reason.Reason);
                json.WriteNumber("devices", reason.Devices);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("versionsInField");
        foreach (var field in rows.VersionsInField.Where(v => v.Channel == channel).OrderBy(v => v.Version, VersionOrder.Instance))
            json.WriteNumber(field.Version, field.Devices);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
