using SecureOta.Build.Samples;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Support;

/// <summary>
/// A test's own releases folder: the build's deterministic sample releases (1.0.0, 1.1.0, 1.2.0 and
/// channels.json, written by the same <see cref="SampleReleaseWriter"/> the GenerateSamples target
/// uses, so the images stay realistic firmware for delta patches). Tests never read the repository's
/// releases/: a maintainer replaces it with their own releases, and the tests must still pass.
/// </summary>
internal static class TestReleases
{
    // Generated once per test run and copied: the generator takes a moment and the output is deterministic.
    private static readonly Lazy<string> Generated = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "secureota-test-releases-" + Guid.NewGuid().ToString("N")[..12]);
        SampleReleaseWriter.Write(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return folder;
    });

    /// <summary>Writes the sample releases into <paramref name="releasesDir"/> (created); returns it.</summary>
    public static string Write(string releasesDir)
    {
        SiteSnapshot.Copy(Generated.Value, releasesDir);
        return releasesDir;
    }

    /// <summary>The image of sample release <paramref name="version"/> (read-only shared copy).</summary>
    public static string ImagePath(string version) => Path.Combine(Generated.Value, version, SampleReleaseWriter.ImageFileName);
}
