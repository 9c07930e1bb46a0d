using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureOta.Build.Samples;

/// <summary>Writes the demo releases (release.json + firmware.bin per version) and channels.json.</summary>
public static class SampleReleaseWriter
{
    public const string ImageFileName = "firmware.bin";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Input files are read by people; nothing here is embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>(Re)writes each sample release folder from scratch and channels.json; leaves other folders alone.</summary>
    /// <param name="releasesDir">Where to write.</param>
    /// <param name="projectName">The images' app descriptor project name (<see cref="SampleFirmware.Build"/>); the sample mark by default.</param>
    public static IReadOnlyList<string> Write(string releasesDir, string projectName = SampleFirmware.SampleProjectName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(releasesDir);
        Directory.CreateDirectory(releasesDir);
        var written = new List<string>();
        foreach (var release in SampleReleases.All)
        {
            var folder = Path.Combine(releasesDir, release.Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, ImageFileName), SampleFirmware.Build(release, projectName));
            File.WriteAllBytes(Path.Combine(folder, "release.json"), ReleaseJson(release));
            written.Add(folder);
        }

        File.WriteAllBytes(Path.Combine(releasesDir, "channels.json"), ChannelsJson());
        return written;
    }

    public static byte[] ReleaseJson(SampleRelease release) => Json(writer =>
    {
        writer.WriteString("version", release.Version);
        writer.WriteNumber("securityVersion", release.SecurityVersion);
        writer.WriteStartArray("channels");
        foreach (var channel in release.Channels)
        {
            writer.WriteStringValue(channel);
        }

        writer.WriteEndArray();
        writer.WriteString("notes", release.Notes);
        writer.WriteStartObject("image");
        writer.WriteStartArray("include");
        writer.WriteStringValue("*.bin");
        writer.WriteEndArray();
        writer.WriteStartArray("exclude");
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] ChannelsJson() => Json(writer =>
    {
        writer.WriteStartObject("channels");
        foreach (var (name, lifetime, deltaBases) in SampleReleases.Channels)
        {
            writer.WriteStartObject(name);
            writer.WriteNumber("manifestLifetimeDays", lifetime);
            writer.WriteNumber("deltaBaseCount", deltaBases);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
