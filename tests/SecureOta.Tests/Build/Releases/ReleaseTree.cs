using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Releases;

/// <summary>A releases/ folder in a temp directory, valid until a test breaks it.</summary>
internal sealed class ReleaseTree : IDisposable
{
    public const string Channels = """{"channels": {"stable": {"manifestLifetimeDays": 14, "deltaBaseCount": 3}, "beta": {"manifestLifetimeDays": 7, "deltaBaseCount": 1}}}""";

    private readonly TempDirectory _temp = new();

    public ReleaseTree(string? channels = Channels)
    {
        ReleasesDir = _temp.Combine("releases");
        Directory.CreateDirectory(ReleasesDir);
        if (channels is not null)
        {
            File.WriteAllText(Path.Combine(ReleasesDir, "channels.json"), channels);
        }
    }

    public string ReleasesDir { get; }

    public static string ReleaseJson(
        string version,
        string securityVersion = "1",
        string channels = """["stable"]""",
        string notes = "\"Notes.\"",
        string include = """["*.bin"]""",
        string extra = "") =>
        $$"""{"version": "{{version}}", "securityVersion": {{securityVersion}}, "channels": {{channels}}, "notes": {{notes}}, "image": {"include": {{include}}, "exclude": []}{{extra}}}""";

    /// <summary>Adds a folder with <paramref name="releaseJson"/> (default: a valid release of the folder's version) and a 64-byte firmware.bin.</summary>
    public ReleaseTree Add(string folder, string? releaseJson = null, params string[] imageNames)
    {
        var directory = Directory.CreateDirectory(Path.Combine(ReleasesDir, folder)).FullName;
        File.WriteAllText(Path.Combine(directory, "release.json"), releaseJson ?? ReleaseJson(folder));
        foreach (var name in imageNames.Length == 0 ? ["firmware.bin"] : imageNames)
        {
            File.WriteAllBytes(Path.Combine(directory, name), Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
        }

        return this;
    }

    public string PathOf(params string[] parts) => Path.Combine([ReleasesDir, .. parts]);

    public ReleaseSet Load() => ReleaseLoader.Load(ReleasesDir);

    /// <summary>Loads, expecting failure; returns the problems reported.</summary>
    public IReadOnlyList<BuildProblem> Problems()
    {
        var exception = Assert.Throws<BuildException>(Load);
        Assert.Equal(BuildErrorCode.InvalidReleases, exception.Code);
        Assert.Contains($"have {exception.Details.Count} problem", exception.Problem, StringComparison.Ordinal);
        return exception.Details;
    }

    /// <summary>Asserts that exactly one problem names <paramref name="file"/> and contains <paramref name="fragment"/>.</summary>
    public static void AssertProblem(IReadOnlyList<BuildProblem> problems, string file, string fragment) =>
        Assert.Single(problems, p => p.File == file && p.Message.Contains(fragment, StringComparison.Ordinal));

    public void Dispose() => _temp.Dispose();
}
