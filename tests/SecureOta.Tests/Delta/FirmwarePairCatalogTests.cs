using SecureOta.Build.Delta;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Delta;

public sealed class FirmwarePairCatalogTests
{
    [Theory]
    [InlineData("v1.9.4.bin", "v1.10.bin")]
    [InlineData("v0.9.12.bin", "v0.9.13.bin")]
    [InlineData("v1.bin", "v2.bin")]
    [InlineData("a.bin", "b.bin")]
    [InlineData("v9.bin", "v010.bin")]
    public void Orders_file_names_as_versions(string older, string newer)
    {
        Assert.True(NaturalFileNameComparer.Instance.Compare(older, newer) < 0);
        Assert.True(NaturalFileNameComparer.Instance.Compare(newer, older) > 0);
    }

    [Fact]
    public void Takes_old_and_new_by_name_order_pair_json_or_skips_with_a_reason()
    {
        using var temp = new TempDirectory();
        Write(temp, "b-by-name", "v1.10.bin", "v1.9.4.bin", "README.md");
        Write(temp, "a-by-file", "first.bin", "second.bin", "pair.json");
        File.WriteAllText(temp.Combine("a-by-file", "pair.json"), """{"old": "second.bin", "new": "first.bin"}""");
        Write(temp, "c-three", "1.bin", "2.bin", "3.bin");
        Write(temp, "d-escape", "x.bin", "y.bin", "pair.json");
        File.WriteAllText(temp.Combine("d-escape", "pair.json"), """{"old": "../x.bin", "new": "y.bin"}""");

        var skipped = new List<string>();
        var pairs = FirmwarePairCatalog.Load(temp.Path, skipped);

        Assert.Equal(["a-by-file", "b-by-name"], pairs.Select(p => p.Name));
        Assert.Equal("second.bin", Path.GetFileName(pairs[0].OldPath));
        Assert.Equal("first.bin", Path.GetFileName(pairs[0].NewPath));
        Assert.Equal("v1.9.4.bin", Path.GetFileName(pairs[1].OldPath));
        Assert.Equal("v1.10.bin", Path.GetFileName(pairs[1].NewPath));
        Assert.Equal(2, skipped.Count);
        Assert.Contains(skipped, s => s.StartsWith("c-three: holds 3 image file(s)", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("d-escape: pair.json names a file that is not in the folder", StringComparison.Ordinal));
    }

    private static void Write(TempDirectory temp, string pair, params string[] files)
    {
        Directory.CreateDirectory(temp.Combine(pair));
        foreach (var file in files) File.WriteAllBytes(temp.Combine(pair, file), [1, 2, 3]);
    }
}
