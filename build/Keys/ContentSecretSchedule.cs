using System.Security.Cryptography;
using System.Text.Json;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Keys;

/// <summary>
/// <c>keys/content-secrets.json</c>: which content-key secret derives the content keys of which releases
/// (docs/PROTOCOL.md section 10), by public secret id and the first release each applies to. Rotating the
/// secret appends an entry (RotateContentSecret), so releases before it keep their keys, blobs and wrapped
/// keys, and only releases from then on use the new secret. Without the file one secret derives every key.
/// </summary>
public sealed class ContentSecretSchedule
{
    public const string FileName = "content-secrets.json";

    private static readonly byte[] IdLabel = "SecureOta/v2/content-secret-id"u8.ToArray();

    private ContentSecretSchedule(IReadOnlyList<(SemVersion FirstRelease, string Id)> entries) => Entries = entries;

    /// <summary>Entries sorted by first release (ascending): the newest entry not after a version applies to it.</summary>
    public IReadOnlyList<(SemVersion FirstRelease, string Id)> Entries { get; }

    /// <summary>The public id of a secret: hex(SHA256("SecureOta/v2/content-secret-id" || S))[0..16), which reveals nothing of S.</summary>
    public static string IdOf(byte[] secret) => Convert.ToHexStringLower(SHA256.HashData([.. IdLabel, .. secret]))[..16];

    /// <summary>The schedule in <paramref name="keysDir"/>, or null when it has none (one secret for every release).</summary>
    public static ContentSecretSchedule? Load(string keysDir, Func<string, string> display)
    {
        var path = Path.Combine(keysDir, FileName);
        if (!File.Exists(path)) return null;
        var entries = new List<(SemVersion, string)>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var item in document.RootElement.GetProperty("secrets").EnumerateArray())
            {
                var id = item.GetProperty("id").GetString() ?? "";
                var first = item.GetProperty("firstRelease").GetString() ?? "";
                if (id.Length != 16 || !id.All(char.IsAsciiHexDigitLower)) throw new FormatException($"id \"{id}\" is not 16 lowercase hex digits");
                if (!SemVersion.TryParse(first, out var version)) throw new FormatException($"firstRelease \"{first}\" is not a SemVer version");
                entries.Add((version, id));
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            throw new BuildException(BuildErrorCode.InvalidKey, $"{display(path)} is not a content-secret schedule: {exception.Message}",
                "It lists {\"secrets\": [{\"id\": \"<16 hex>\", \"firstRelease\": \"<version>\"}, ...]}; write it with ./build.sh --target=RotateContentSecret.",
                exception);
        }
        if (entries.Count == 0)
            throw new BuildException(BuildErrorCode.InvalidKey, $"{display(path)} lists no secret.", "Delete it, or rotate with ./build.sh --target=RotateContentSecret.");
        return new ContentSecretSchedule(entries.OrderBy(e => e.Item1).ToList());
    }

    /// <summary>Writes a schedule of <paramref name="entries"/> to <paramref name="keysDir"/>.</summary>
    public static void Write(string keysDir, IEnumerable<(SemVersion FirstRelease, string Id)> entries)
    {
        var path = Path.Combine(keysDir, FileName);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("secrets");
            foreach (var (first, id) in entries.OrderBy(e => e.FirstRelease))
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("firstRelease", first.ToString());
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        File.WriteAllBytes(path + ".tmp", [.. stream.ToArray(), (byte)'\n']);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>The id of the secret that derives the keys of release <paramref name="version"/>.</summary>
    public string IdFor(SemVersion version)
    {
        var applying = Entries.LastOrDefault(e => e.FirstRelease <= version);
        return applying.Id ?? Entries[0].Id;
    }
}
