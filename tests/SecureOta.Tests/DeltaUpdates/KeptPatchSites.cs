using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// Three DEMO deploys of a test-built releases folder (channel stable, deltaBaseCount 3), as a maintainer
/// makes them: site 1 with 1.0.0 and 1.1.0 (a patch 1.0.0 -> 1.1.0); then 1.2.0 is added and the next deploy
/// is built twice, once with <c>--live-site=</c>site 1's ota/v2 folder as the workflows pass it (site 2) and
/// once without (site 3). Never the repository's releases/ or keys/.
/// </summary>
public sealed class KeptPatchSites : IDisposable
{
    private readonly TempDirectory _temp = new();

    public KeptPatchSites()
    {
        DemoKeysDir = _temp.Combine("demo-keys");
        ReleasesDir = _temp.Combine("releases");
        Directory.CreateDirectory(ReleasesDir);
        File.WriteAllText(Path.Combine(ReleasesDir, "channels.json"),
            """{"channels": {"stable": {"manifestLifetimeDays": 14, "deltaBaseCount": 3}}}""");
        AddRelease("1.0.0");
        AddRelease("1.1.0");
        Site1 = _temp.Combine("site1", "site");
        Build(Site1).AssertSucceeded();

        AddRelease("1.2.0");
        Site2 = _temp.Combine("site2", "site");
        Site2Run = Build(Site2, $"--live-site={SiteFiles.Ota(Site1)}").AssertSucceeded();
        Site3 = _temp.Combine("site3", "site");
        Build(Site3).AssertSucceeded();
    }

    public string DemoKeysDir { get; }

    public string ReleasesDir { get; }

    /// <summary>The first deploy: stable targets 1.1.0 with a patch from 1.0.0.</summary>
    public string Site1 { get; }

    /// <summary>The next deploy (stable targets 1.2.0), built with --live-site=site 1.</summary>
    public string Site2 { get; }

    internal PipelineRun Site2Run { get; }

    /// <summary>The same next deploy built without --live-site.</summary>
    public string Site3 { get; }

    /// <summary>The image of a release: each evolves from the one before, as firmware does.</summary>
    public static byte[] ImageOf(string version) => version switch
    {
        "1.0.0" => Delta.TestImages.FirmwareLike(12_000, 81),
        "1.1.0" => EvolvedImage.Next(ImageOf("1.0.0"), 82),
        "1.2.0" => EvolvedImage.Next(ImageOf("1.1.0"), 83),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "no such test release"),
    };

    /// <summary>A fresh folder for one test's own build.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(_temp.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>A DEMO build of the test's releases into <paramref name="siteDir"/> at the device tests' time.</summary>
    internal PipelineRun Build(string siteDir, params string[] extra) =>
        PipelineRun.Execute([$"--releases-dir={ReleasesDir}", $"--site-dir={siteDir}", $"--demo-keys-dir={DemoKeysDir}",
            $"--now={DeltaSiteFixture.NowSeconds}", .. extra]);

    private void AddRelease(string version)
    {
        string folder = Path.Combine(ReleasesDir, version);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "firmware.bin"), ImageOf(version));
        File.WriteAllText(Path.Combine(folder, "release.json"),
            $$"""{"version": "{{version}}", "securityVersion": 1, "channels": ["stable"], "notes": "Test release {{version}}.", "image": {"include": ["*.bin"], "exclude": []} }""");
    }

    public void Dispose() => _temp.Dispose();
}
