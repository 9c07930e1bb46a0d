using System.Text.Json;
using System.Text.RegularExpressions;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// Reads <c>keys/recipients.json</c>, the registered recipients' public keys:
/// <c>{"recipients": [{"name": "...", "kind": "device|group|fleet", "publicKey": "&lt;64 hex&gt;"}]}</c>.
/// Every problem is reported at once, naming the entry.
/// </summary>
public static partial class RecipientRegistry
{
    public const string FileName = "recipients.json";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();

    /// <summary>The recipients in <paramref name="keysDir"/>, or none when the file does not exist.</summary>
    public static IReadOnlyList<Recipient> Load(string keysDir, string displayPath)
    {
        var path = Path.Combine(keysDir, FileName);
        if (!File.Exists(path)) return [];

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw Invalid(displayPath, [$"not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var recipients = new List<Recipient>();
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("recipients", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(displayPath, ["must be an object with a \"recipients\" array"]);
            }

            int index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var recipient = ReadEntry(entry, $"recipients[{index++}]", problems);
                if (recipient is not null) recipients.Add(recipient);
            }
            foreach (var group in recipients.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
                problems.Add($"the name '{group.Key}' is registered {group.Count()} times");
            foreach (var group in recipients.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
                problems.Add($"one public key is registered under several names: {string.Join(", ", group.Select(r => r.Name))}");

            if (problems.Count > 0) throw Invalid(displayPath, problems);
            return recipients;
        }
    }

    private static Recipient? ReadEntry(JsonElement entry, string where, List<string> problems)
    {
        string? Text(string member)
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String)
                return value.GetString();
            problems.Add($"{where}: \"{member}\" is missing or not a string");
            return null;
        }

        var name = Text("name");
        var kindText = Text("kind");
        var key = Text("publicKey");
        if (name is null || kindText is null || key is null) return null;

        bool ok = true;
        if (!NamePattern().IsMatch(name))
        {
            problems.Add($"{where}: name '{name}' must be 1-64 of [A-Za-z0-9._-], starting with a letter or digit");
            ok = false;
        }
        if (!Enum.TryParse<RecipientKind>(kindText, ignoreCase: true, out var kind) || kindText != kindText.ToLowerInvariant() || int.TryParse(kindText, out _))
        {
            problems.Add($"{where}: kind '{kindText}' must be device, group or fleet");
            ok = false;
        }
        if (!KeyPattern().IsMatch(key))
        {
            problems.Add($"{where}: publicKey must be 64 lowercase hex digits (a 32-byte X25519 public key)");
            ok = false;
        }
        return ok ? new Recipient(name, kind, Convert.FromHexString(key)) : null;
    }

    private static BuildException Invalid(string displayPath, IReadOnlyList<string> problems) =>
        new(BuildErrorCode.InvalidRecipients, $"{displayPath} is invalid.",
            "Fix the entries listed; each recipient needs a unique name, a kind and its X25519 public key in hex.",
            problems.Select(p => new BuildProblem(displayPath, p)).ToList());
}
