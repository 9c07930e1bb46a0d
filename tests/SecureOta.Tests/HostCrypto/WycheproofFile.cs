using System.Text.Json;

namespace SecureOta.Tests.HostCrypto;

/// <summary>
/// Reads a Wycheproof vector file copied under Vectors/wycheproof (see the attribution there) from the
/// test output directory. A missing file fails the test run rather than skipping it.
/// </summary>
internal static class WycheproofFile
{
    /// <summary>Every test case of every group that <paramref name="groupFilter"/> accepts, paired with its group.</summary>
    public static IEnumerable<(JsonElement Group, JsonElement Test)> Cases(string fileName, Func<JsonElement, bool> groupFilter)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "wycheproof", fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<(JsonElement, JsonElement)>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            if (!groupFilter(group)) continue;
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                cases.Add((group.Clone(), test.Clone()));
            }
        }
        return cases;
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Number(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static byte[] Bytes(this JsonElement element, string property) => Convert.FromHexString(element.Text(property));
}
