using SecureOta.Build.Delta;
using SecureOta.Device.Core.Artifacts;
using Xunit.Abstractions;

namespace SecureOta.Tests.Delta;

/// <summary>Round trips on the committed sample releases and, when ../shared is present, on real firmware pairs.</summary>
public sealed class ReleaseRoundTripTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("1.0.0", "1.1.0")]
    [InlineData("1.1.0", "1.2.0")]
    [InlineData("1.0.0", "1.2.0")]
    [InlineData("1.2.0", "1.0.0")]
    public void Sample_releases(string from, string to)
    {
        var oldImage = File.ReadAllBytes(SecureOta.Tests.Support.TestReleases.ImagePath(from));
        var newImage = File.ReadAllBytes(SecureOta.Tests.Support.TestReleases.ImagePath(to));
        var patch = DeltaDiff.Create(oldImage, newImage);
        PatchRun.RoundTrip(oldImage, newImage);
        Assert.True(patch.Length < newImage.Length / 4, $"a {patch.Length}-byte patch for a {newImage.Length}-byte image");
    }

    /// <summary>bsdiff 4.3's patch sizes on the shared pairs (shared/firmware-pairs/README.md); ours as shipped must not be larger.</summary>
    [Theory]
    [InlineData("marauder-esp32", 34_545)]
    [InlineData("micropython-esp8266", 75_985)]
    [InlineData("idf-hello-esp32", 10_045)]
    public void Firmware_pairs_round_trip_and_ship_smaller_than_bsdiff(string name, int bsdiffSize)
    {
        var folder = RepositoryRoot.Shared is { } shared ? Path.Combine(shared, "firmware-pairs") : null;
        if (folder is null || !Directory.Exists(Path.Combine(folder, name)))
        {
            output.WriteLine($"../shared/firmware-pairs/{name} is not next to the repository; this pair is checked only where the shared data exists.");
            return;
        }
        var pair = FirmwarePairCatalog.Load(folder, new List<string>()).Single(p => p.Name == name);
        var oldImage = File.ReadAllBytes(pair.OldPath);
        var newImage = File.ReadAllBytes(pair.NewPath);

        var patch = DeltaDiff.Create(oldImage, newImage);
        PatchRun.RoundTrip(oldImage, newImage);
        int shipped = ArtifactLayout.ArtifactSize(patch.Length);
        output.WriteLine($"{name}: patch {patch.Length} bytes, {shipped} as shipped, bsdiff {bsdiffSize}");
        Assert.True(shipped <= bsdiffSize, $"{name}: {shipped} bytes as shipped, bsdiff {bsdiffSize}");
    }
}
