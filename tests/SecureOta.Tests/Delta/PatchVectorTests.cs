using SecureOta.Build.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The patch vector of docs/PROTOCOL.md section 11a.7 is what the encoder writes and the device patcher applies.</summary>
public sealed class PatchVectorTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Vector = new(() => ReadVector("small"));

    private static byte[] Hex(string label) => Convert.FromHexString(Vector.Value[label]);

    [Fact]
    public void Encoder_writes_the_documented_patch()
    {
        var patch = DeltaDiff.Create(Hex("old"), Hex("new"));
        Assert.True(Vector.Value["patch"] == Convert.ToHexStringLower(patch),
            $"docs/PROTOCOL.md 11a.7 differs from the encoder; after an intended format change update it to patch: {Convert.ToHexStringLower(patch)}");
    }

    [Fact]
    public void Device_patcher_applies_the_documented_patch()
    {
        var run = PatchRun.Apply(Hex("old"), Hex("patch"));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(Hex("new"), run.Output);
        Assert.Equal(2, run.Statistics.Edits);
        Assert.Equal(3, run.Statistics.LiteralBytes);
    }

    [Fact]
    public void Documented_blocks_are_the_encoders()
    {
        var blocks = DeltaParser.Parse(Hex("old"), Hex("new"), DeltaParserOptions.Default);
        Assert.Equal(Vector.Value["blocks (rule)"], string.Join(", ", blocks.Select(b => $"{b.OldStart}+{b.CopyLength}/{b.LiteralLength}")));
    }

    private static IReadOnlyDictionary<string, string> ReadVector(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.FullPath, "docs", "PROTOCOL.md"));
        int start = Array.IndexOf(lines, "```patch-vector " + name);
        Assert.True(start >= 0, $"docs/PROTOCOL.md has no patch-vector {name}");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = start + 1; i < lines.Length && lines[i] != "```"; i++)
        {
            int colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            values[lines[i][..colon]] = lines[i][(colon + 2)..];
        }
        return values;
    }
}
