using SecureOta.Build.Samples;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Samples;

/// <summary>The demo's committed sample releases (samples/releases/, not the maintainers' releases/) are exactly what the generator makes (run GenerateSamples after changing it).</summary>
public sealed class CommittedSamplesTests
{
    private static readonly string ReleasesDir = Path.Combine(RepositoryRoot.FullPath, "samples", "releases");

    public static TheoryData<int> Versions => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Committed_release_matches_the_generator(int index)
    {
        var release = SampleReleases.All[index];
        var folder = Path.Combine(ReleasesDir, release.Version);

        Assert.Equal(SampleFirmware.Build(release), File.ReadAllBytes(Path.Combine(folder, SampleReleaseWriter.ImageFileName)));
        Assert.Equal(SampleReleaseWriter.ReleaseJson(release), File.ReadAllBytes(Path.Combine(folder, "release.json")));
    }

    [Fact]
    public void Committed_channels_match_the_generator()
    {
        Assert.Equal(SampleReleaseWriter.ChannelsJson(), File.ReadAllBytes(Path.Combine(ReleasesDir, "channels.json")));
    }
}
