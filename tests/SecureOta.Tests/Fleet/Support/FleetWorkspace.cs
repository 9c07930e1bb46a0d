using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet.Support;

/// <summary>
/// A repository-shaped temp folder for the fleet targets: the tests' sample releases, a keys/ folder with the
/// tests' pinned CAs and an empty recipients.json, and places for the site and DEMO keys. Runs the
/// real build program against it with a fixed --now.
/// </summary>
internal sealed class FleetWorkspace : IDisposable
{
    /// <summary>2026-01-01T00:00:00Z.</summary>
    public const long NowSeconds = 1_767_225_600;

    private readonly TempDirectory _temp = new();

    public FleetWorkspace()
    {
        SecureOta.Tests.Support.TestReleases.Write(ReleasesDir);
        SecureOta.Tests.Support.TestAnchors.CopyInto(KeysDir);
        File.WriteAllText(RecipientsFile, "{\n  \"recipients\": []\n}\n");
    }

    public string Root => _temp.Path;

    public string ReleasesDir => _temp.Combine("releases");

    public string KeysDir => _temp.Combine("keys");

    public string SiteDir => _temp.Combine("site");

    public string DemoKeysDir => _temp.Combine("demo-keys");

    public string Offline => _temp.Combine("offline");

    public string ChannelsFile => Path.Combine(ReleasesDir, "channels.json");

    public string RecipientsFile => Path.Combine(KeysDir, "recipients.json");

    public string ChannelsText => File.ReadAllText(ChannelsFile);

    /// <summary>Runs the build program on this workspace (DEMO keys unless the arguments or environment give real ones).</summary>
    public PipelineRun Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        PipelineRun.Execute(
            [$"--releases-dir={ReleasesDir}", $"--keys-dir={KeysDir}", $"--site-dir={SiteDir}", $"--demo-keys-dir={DemoKeysDir}", $"--now={NowSeconds}", .. args],
            environment);

    public PipelineRun Run(params string[] args) => Run(null, args);

    /// <summary>Adds release <paramref name="version"/> (a copy of 1.2.0's image) to <paramref name="channels"/>.</summary>
    public void AddRelease(string version, int securityVersion, params string[] channels)
    {
        var folder = Path.Combine(ReleasesDir, version);
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(ReleasesDir, "1.2.0", "firmware.bin"), Path.Combine(folder, "firmware.bin"));
        var list = string.Join(", ", channels.Select(c => $"\"{c}\""));
        File.WriteAllText(Path.Combine(folder, "release.json"),
            $$$"""{"version": "{{{version}}}", "securityVersion": {{{securityVersion}}}, "channels": [{{{list}}}], "notes": "", "image": {"include": ["*.bin"]}}""");
    }

    public void Dispose() => _temp.Dispose();
}
