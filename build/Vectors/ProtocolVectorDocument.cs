using System.Text;

namespace SecureOta.Build.Vectors;

/// <summary>
/// Renders the test vectors as section 12 of docs/PROTOCOL.md and reads them back. Each vector is a
/// fenced block whose info string is <c>vector &lt;name&gt;</c>, holding <c>label: value</c> lines.
/// </summary>
public static class ProtocolVectorDocument
{
    public const string SectionHeading = "## 12 Test vectors";

    private const string Introduction =
        "Every value below is recomputed by the tests (`ProtocolVectorsTests`) from the inputs given, with the\n" +
        "build's writers and the device core's readers; when the code and this section disagree the tests\n" +
        "fail. `./build.sh --target=ProtocolVectors` rewrites this section after an intended format change.\n" +
        "Keys marked \"test only\" are public test constants, like RFC 8032's, and must never sign anything real.\n" +
        "Labels ending in `(text)` hold UTF-8 text, `(decimal)` a number, `(rule)` a description, `(file)` a\n" +
        "repository path; every other value is lowercase hex.\n";

    /// <summary>The whole of section 12 for <paramref name="vectors"/>.</summary>
    public static string Render(IReadOnlyList<ProtocolVector> vectors)
    {
        var text = new StringBuilder(SectionHeading).Append("\n\n").Append(Introduction);
        for (int i = 0; i < vectors.Count; i++)
        {
            var vector = vectors[i];
            text.Append($"\n### 12.{i + 1} {vector.Title}\n\n```vector {vector.Name}\n");
            foreach (var line in vector.Lines) text.Append(line.Key).Append(": ").Append(line.Value).Append('\n');
            text.Append("```\n");
        }
        return text.ToString();
    }

    /// <summary><paramref name="document"/> with section 12 (to the end of the file) replaced.</summary>
    public static string ReplaceSection(string document, IReadOnlyList<ProtocolVector> vectors)
    {
        int start = document.IndexOf(SectionHeading, StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"the document has no '{SectionHeading}' heading");
        return document[..start] + Render(vectors);
    }

    /// <summary>Every vector block in <paramref name="document"/>: name to ordered label/value lines.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> Parse(string document)
    {
        var vectors = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        var lines = document.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```vector ", StringComparison.Ordinal)) continue;
            var name = lines[i]["```vector ".Length..].Trim();
            var entries = new List<KeyValuePair<string, string>>();
            for (i++; i < lines.Length && lines[i] != "```"; i++)
            {
                int colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                if (colon <= 0) throw new InvalidDataException($"vector '{name}': line '{lines[i]}' is not 'label: value'");
                entries.Add(new(lines[i][..colon], lines[i][(colon + 2)..]));
            }
            if (!vectors.TryAdd(name, entries)) throw new InvalidDataException($"vector '{name}' appears twice");
        }
        return vectors;
    }
}
