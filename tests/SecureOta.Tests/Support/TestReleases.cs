using SecureOta.Build.Samples;

namespace SecureOta.Tests.Support;

/// <summary>
/// A test's own releases folder: the build's deterministic sample releases (1.0.0, 1.1.0, 1.2.0 and
/// channels.json, written by the same <see cref="SampleReleaseWriter"/> the GenerateSamples target
/// uses, so the images stay realistic firmware for delta patches). Tests never read the repository's
/// releases/: a maintainer replaces it with their own releases, and the tests must still pass.
/// </summary>
internal static class TestReleases
{
    /// <summary>
    /// The images' project name: these stand for a maintainer's own firmware, which builds with real
    /// keys must accept, so they do not carry the sample mark (same length, so sizes and patches match).
    /// </summary>
    public const string ProjectName = "secureota-test";

    /// <summary>Writes the demo's marked sample releases (as GenerateSamples does) into <paramref name="releasesDir"/>.</summary>
    public static string WriteMarkedSamples(string releasesDir)
    {
        SampleReleaseWriter.Write(releasesDir);
        return releasesDir;
    }

    // Generated once per test run and copied: the generator takes a moment and the output is deterministic.
    private static readonly Lazy<string> Generated = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "secureota-test-releases-" + Guid.NewGuid().ToString("N")[..12]);
        SampleReleaseWriter.Write(folder, ProjectName);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return folder;
    });

    /// <summary>Writes the sample releases into <paramref name="releasesDir"/> (created; a channels.json there is replaced); returns it.</summary>
    public static string Write(string releasesDir)
    {
        foreach (var file in Directory.EnumerateFiles(Generated.Value, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(releasesDir, Path.GetRelativePath(Generated.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return releasesDir;
    }

    /// <summary>The image of sample release <paramref name="version"/> (read-only shared copy).</summary>
    public static string ImagePath(string version) => Path.Combine(Generated.Value, version, SampleReleaseWriter.ImageFileName);
}
