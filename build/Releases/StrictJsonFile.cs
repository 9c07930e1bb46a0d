using System.Text;
using System.Text.Json;

namespace SecureOta.Build.Releases;

/// <summary>Reads a small JSON input file strictly: valid UTF-8, no comments, no trailing commas.</summary>
internal static class StrictJsonFile
{
    /// <summary>Input files are hand-written and small; anything bigger is a mistake, not an input.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>The parsed document, or null after reporting why the file could not be read or parsed.</summary>
    public static JsonDocument? Parse(string path, Action<string> report)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                report($"is larger than {MaxFileBytes / 1024} KiB");
                return null;
            }

            text = StrictUtf8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            report("is not valid UTF-8 text");
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            report($"cannot be read: {exception.Message}");
            return null;
        }

        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            report($"malformed JSON at line {line}, position {position}: {WithoutLocation(exception.Message)}");
            return null;
        }
    }

    // System.Text.Json appends its own zero-based location; the report gives a one-based one instead.
    private static string WithoutLocation(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (index < 0 ? message : message[..index]).Trim();
    }
}
