using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Writes the compact UTF-8 JSON of envelopes and payloads. The relaxed encoder leaves '+' and '/'
/// unescaped, so base64 values and payload types appear exactly as docs/PROTOCOL.md shows them rather
/// than as \u002B escapes (valid JSON, but a needless burden on the device's parser); quotes, control
/// characters and backslashes are still escaped.
/// </summary>
internal static class CompactJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the bytes written.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return buffer.ToArray();
    }
}
