using System.Text.Json;
using System.Text.RegularExpressions;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// Reads <c>keys/recipients.json</c>, the registered recipients' public keys:
/// <c>{"recipients": [{"name": "...", "kind": "device|group|fleet", "publicKey": "&lt;64 hex&gt;", "groups": ["..."]}]}</c>
/// (<c>groups</c> is optional, for devices only: the groups whose private key the device holds).
/// Entries keep their file order. Every problem is reported at once, naming the entry; the rules
/// across entries are <see cref="RecipientRules"/>.
/// </summary>
public static partial class RecipientRegistry
{
    public const string FileName = "recipients.json";

    private static readonly string[] Members = ["name", "kind", "publicKey", "groups"];

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
            problems.AddRange(RecipientRules.Check(recipients));

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

        if (entry.ValueKind == JsonValueKind.Object)
        {
            foreach (var unknown in entry.EnumerateObject().Select(p => p.Name).Where(n => !Members.Contains(n)))
                problems.Add($"{where}: unknown member \"{unknown}\" (allowed: {string.Join(", ", Members)})");
        }

        var name = Text("name");
        var kindText = Text("kind");
        var key = Text("publicKey");
        if (name is null || kindText is null || key is null) return null;

        bool ok = true;
        if (!RecipientRules.IsValidName(name))
        {
            problems.Add($"{where}: name '{name}' must be {RecipientRules.NameRule}");
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
        var groups = Groups(entry, where, problems);
        return ok && groups is not null ? new Recipient(name, kind, Convert.FromHexString(key)) { Groups = groups } : null;
    }

    /// <summary>The optional "groups" array of group names; null (after reporting) when it is malformed.</summary>
    private static List<string>? Groups(JsonElement entry, string where, List<string> problems)
    {
        if (!entry.TryGetProperty("groups", out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
        {
            problems.Add($"{where}: \"groups\" must be an array of group names");
            return null;
        }
        return value.EnumerateArray().Select(g => g.GetString()!).ToList();
    }

    private static BuildException Invalid(string displayPath, IReadOnlyList<string> problems) =>
        new(BuildErrorCode.InvalidRecipients, $"{displayPath} is invalid.",
            "Fix the entries listed; each recipient needs a unique name, a kind and its X25519 public key in hex, and a device's groups must be registered groups.",
            problems.Select(p => new BuildProblem(displayPath, p)).ToList());
}
