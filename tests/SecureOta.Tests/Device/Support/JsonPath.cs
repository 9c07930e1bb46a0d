using System.Text.Json.Nodes;

namespace SecureOta.Tests.Device.Support;

/// <summary>Edits a JSON payload by a dotted path, for tests that break one member at a time.</summary>
internal static class JsonPath
{
    /// <summary>Sets a dotted path ("roles.root.threshold", "keys.0.id") in a JSON tree.</summary>
    public static void Set(JsonNode node, string path, JsonNode? value)
    {
        string[] parts = path.Split('.');
        for (int i = 0; i < parts.Length - 1; i++)
            node = int.TryParse(parts[i], out int index) ? node[index]! : node[parts[i]]!;
        string last = parts[^1];
        if (int.TryParse(last, out int at)) node[at] = value;
        else node[last] = value;
    }
}
