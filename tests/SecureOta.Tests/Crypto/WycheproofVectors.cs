using System.Text.Json;

namespace SecureOta.Tests.Crypto;

/// <summary>Reads the Wycheproof files the test project copies to its output (see Vectors/ATTRIBUTION.md).</summary>
internal static class WycheproofVectors
{
    public sealed record TestCase(int Id, string Result, IReadOnlyList<string> Flags, JsonElement Group, JsonElement Test)
    {
        public string Text(string name) => Test.GetProperty(name).GetString()!;

        public byte[] Bytes(string name) => Convert.FromHexString(Text(name));
    }

    public static IReadOnlyList<TestCase> Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "wycheproof", fileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<TestCase>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                var flags = test.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToList();
                cases.Add(new TestCase(
                    test.GetProperty("tcId").GetInt32(), test.GetProperty("result").GetString()!, flags,
                    group.Clone(), test.Clone()));
            }
        }
        int declared = document.RootElement.GetProperty("numberOfTests").GetInt32();
        if (cases.Count != declared) throw new InvalidDataException($"{fileName}: {cases.Count} cases, header says {declared}");
        return cases;
    }
}
