using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// Built once for every pipeline test class: DEMO keys in a temp folder, a good site built from the
/// tests' own sample releases with a fixed --now, a second build of the same into another folder (for
/// the determinism test), and a keys folder with real (non-DEMO) test keys.
/// </summary>
public sealed class PipelineFixture : IDisposable
{
    /// <summary>2026-01-01T00:00:00Z.</summary>
    public const long NowSeconds = 1767225600;

    private readonly TempDirectory _temp = new();

    public PipelineFixture()
    {
        DemoKeysDir = _temp.Combine("demo-keys");
        ReleasesDir = SecureOta.Tests.Support.TestReleases.Write(_temp.Combine("releases"));
        KeysDir = _temp.Combine("keys");
        SecureOta.Tests.Support.TestAnchors.CopyInto(KeysDir);
        File.WriteAllText(Path.Combine(KeysDir, "recipients.json"), "{\n  \"recipients\": []\n}\n");
        SiteDir = _temp.Combine("first", "site");
        SecondSiteDir = _temp.Combine("second", "site");
        FirstRun = PipelineRun.Execute(Arguments(SiteDir)).AssertSucceeded();
        PipelineRun.Execute(Arguments(SecondSiteDir)).AssertSucceeded();
        RealKeys = TestKeysFolder.Create(_temp.Combine("real"), Now);
    }

    public static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(NowSeconds);

    public string DemoKeysDir { get; }

    /// <summary>The fixture's own releases (the tests' sample releases); tests only read it.</summary>
    public string ReleasesDir { get; }

    /// <summary>The fixture's keys folder: the test pinned CAs, no recipient.</summary>
    public string KeysDir { get; }

    /// <summary>The good site, built with the fixture's releases and DEMO keys. Tests only read it.</summary>
    public string SiteDir { get; }

    /// <summary>A second build with the same inputs, keys and --now.</summary>
    public string SecondSiteDir { get; }

    internal PipelineRun FirstRun { get; }

    internal TestKeysFolder RealKeys { get; }

    /// <summary>A fresh folder of the test's own under the fixture's temp folder.</summary>
    public string NewFolder(string name) =>
        Directory.CreateDirectory(_temp.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>A copy of the good site in a folder of its own, as a "previous site" to be replaced or kept.</summary>
    public string CopyOfSite()
    {
        var site = Path.Combine(NewFolder("previous"), "site");
        SiteSnapshot.Copy(SiteDir, site);
        return site;
    }

    /// <summary>A copy of the fixture's releases that a test may break.</summary>
    public string CopyOfReleases()
    {
        var releases = Path.Combine(NewFolder("releases"), "releases");
        SiteSnapshot.Copy(ReleasesDir, releases);
        return releases;
    }

    /// <summary>The arguments of a DEMO build into <paramref name="siteDir"/>, plus <paramref name="extra"/>.</summary>
    public string[] Arguments(string siteDir, params string[] extra) =>
        // The fixture's folders first: a later --releases-dir or --keys-dir (the last one wins) replaces them.
        [$"--releases-dir={ReleasesDir}", $"--keys-dir={KeysDir}", $"--site-dir={siteDir}", $"--demo-keys-dir={DemoKeysDir}", $"--now={NowSeconds}", .. extra];

    public void Dispose() => _temp.Dispose();
}
