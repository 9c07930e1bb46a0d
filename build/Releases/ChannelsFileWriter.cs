using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureOta.Build.Releases;

/// <summary>
/// Writes <c>releases/channels.json</c> in its one canonical form: two-space indentation, one property
/// per line, channels in the order given, properties in a fixed order, a final newline. The sample
/// generator writes the same form, so a target that changes one setting changes only its lines and
/// the pull request shows exactly that change.
/// </summary>
public static class ChannelsFileWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Read by people in review; nothing here is embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(IEnumerable<ChannelConfig> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("channels");
            foreach (var channel in channels)
            {
                writer.WriteStartObject(channel.Name);
                writer.WriteNumber("manifestLifetimeDays", channel.ManifestLifetimeDays);
                writer.WriteNumber("deltaBaseCount", channel.DeltaBaseCount);
                if (channel.Rollout is { } rollout)
                {
                    writer.WriteStartObject(RolloutConfigReader.PropertyName);
                    writer.WriteString("release", rollout.Release.ToString());
                    writer.WriteNumber("percent", rollout.Percent);
                    writer.WriteString("state", RolloutConfig.StateName(rollout.State));
                    if (rollout.Pinned is { } pinned) writer.WriteString("pinned", pinned.ToString());
                    writer.WriteEndObject();
                }

                if (channel.RolloutPolicy is { } policy)
                {
                    writer.WriteStartObject(RolloutGatePolicyReader.PropertyName);
                    writer.WriteStartArray("steps");
                    foreach (var step in policy.Steps) writer.WriteNumberValue(step);
                    writer.WriteEndArray();
                    writer.WriteNumber("minReports", policy.MinReports);
                    writer.WriteNumber("maxFailureRate", policy.MaxFailureRate);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
