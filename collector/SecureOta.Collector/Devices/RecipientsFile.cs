using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureOta.Collector.Devices;

/// <summary>
/// Reads the device entries of keys/recipients.json, the file the build's AddDevice and RemoveDevice
/// targets edit: <c>{"recipients": [{"name": "...", "kind": "device|group|fleet", "publicKey": "&lt;64 hex&gt;", "groups": [...]}]}</c>.
/// Only kind "device" identifies a device; group and fleet keys are shared and never do. The
/// collector checks what it relies on (shape, kind, key format) and leaves the rest of the file's rules
/// to the build, which enforces them on every edit.
/// </summary>
public static partial class RecipientsFile
{
    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();

    /// <summary>Each device's name and 32-byte public key, in file order.</summary>
    public static IReadOnlyList<(string Name, byte[] PublicKey)> ReadDevices(byte[] content, string displayPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw Invalid(displayPath, $"not valid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("recipients", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(displayPath, "it must be an object with a \"recipients\" array");
            }

            var devices = new List<(string, byte[])>();
            int index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                string where = $"recipients[{index++}]";
                string name = Text(entry, "name", where, displayPath);
                string kind = Text(entry, "kind", where, displayPath);
                string key = Text(entry, "publicKey", where, displayPath);
                if (kind is not ("device" or "group" or "fleet"))
                    throw Invalid(displayPath, $"{where}: kind '{kind}' must be device, group or fleet");
                if (!KeyPattern().IsMatch(key))
                    throw Invalid(displayPath, $"{where}: publicKey must be 64 lowercase hex digits");
                if (kind == "device") devices.Add((name, Convert.FromHexString(key)));
            }

            var duplicate = devices.GroupBy(d => Convert.ToHexStringLower(SHA256.HashData(d.Item2))).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw Invalid(displayPath, $"one public key is registered for several devices: {string.Join(", ", duplicate.Select(d => d.Item1))}");
            return devices;
        }
    }

    private static string Text(JsonElement entry, string member, string where, string displayPath)
    {
        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String)
            return value.GetString()!;
        throw Invalid(displayPath, $"{where}: \"{member}\" is missing or not a string");
    }

    private static CollectorConfigurationException Invalid(string displayPath, string problem) =>
        new($"The recipients file '{displayPath}' is invalid: {problem}. Fix it with the build's AddDevice/RemoveDevice targets (docs/OPERATIONS.md section 5).");
}
