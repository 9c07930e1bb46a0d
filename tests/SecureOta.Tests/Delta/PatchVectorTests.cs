using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The patch vectors of docs/PROTOCOL.md section 11a.7 are what the encoder writes and the device patcher applies or refuses.</summary>
public sealed class PatchVectorTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Vector = new(() => ReadVector("small"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Candidates = new(() => ReadVector("candidates"));

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

    [Fact]
    public void Encoder_writes_the_documented_patch_of_candidate_edits()
    {
        var candidates = Candidates.Value;
        var patch = DeltaDiff.Create(Convert.FromHexString(candidates["old"]), Convert.FromHexString(candidates["new"]));
        Assert.True(candidates["patch"] == Convert.ToHexStringLower(patch),
            $"docs/PROTOCOL.md 11a.7 (candidates) differs from the encoder; after an intended format change update it to patch: {Convert.ToHexStringLower(patch)}");
    }

    [Fact]
    public void Device_patcher_applies_the_documented_candidate_edits()
    {
        var candidates = Candidates.Value;
        var run = PatchRun.Apply(Convert.FromHexString(candidates["old"]), Convert.FromHexString(candidates["patch"]));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(Convert.FromHexString(candidates["new"]), run.Output);
        Assert.Equal(10, run.Statistics.Edits);
        Assert.Equal(9, run.Statistics.CandidateEdits);
    }

    [Fact]
    public void Documented_candidate_vector_follows_its_rule()
    {
        int[] pointers = [0, 5, 10, 14, 19, 25, 30, 34, 39, 45];
        var old = Convert.FromHexString(Candidates.Value["old"]);
        var updated = Convert.FromHexString(Candidates.Value["new"]);
        Assert.Equal(192, old.Length);
        for (int i = 0; i < 48; i++)
        {
            bool pointer = pointers.Contains(i);
            uint word = pointer ? 0x3F400010u + 0x100u * (uint)i : 0x12345600u + (uint)i;
            Assert.Equal(word, BitConverter.ToUInt32(old, 4 * i));
            Assert.Equal(pointer ? word + 0x40 : word, BitConverter.ToUInt32(updated, 4 * i));
        }
    }

    [Fact]
    public void Device_patcher_refuses_each_documented_negative_patch_with_its_error()
    {
        var refused = Candidates.Value.Where(v => v.Key.StartsWith("refused as ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refused.Count);
        foreach (var (label, hex) in refused)
        {
            var expected = Enum.Parse<PatchError>(label["refused as ".Length..].Split(',')[0]);
            var run = PatchRun.Apply(Convert.FromHexString(Candidates.Value["old"]), Convert.FromHexString(hex));
            Assert.False(run.Succeeded, $"{label} was accepted");
            Assert.Equal(expected, run.Failure!.Error);
        }
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
