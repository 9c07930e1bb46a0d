using SecureOta.Build.Keys;
using SecureOta.Build.Samples;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// The fleet demo's own repository-shaped temp folder, so the demo never touches the maintainer's releases/
/// or keys/: the sample releases (1.0.0 on the devices, 1.1.0 the bad release, 1.2.0 the good one, held
/// back until its "tag"), a channels.json with stable's rollout and <c>rolloutPolicy</c>, and keys/ with the
/// fleet's devices registered in recipients.json (which the collector reads too).
/// </summary>
internal sealed class FleetDemoWorkspace : IDisposable
{
    public const string Base = "1.0.0";
    public const string Bad = "1.1.0";
    public const string Good = "1.2.0";

    /// <summary>
    /// The policy the demo runs: steps the fleet sees move in a few refreshes, and a minReports the first
    /// 10 % cohort can meet: 5 for 100 devices, at least 3 (a 3-device cohort with one revert already halts).
    /// </summary>
    public static string Policy(int devices) => $$"""{"steps": [10, 50, 100], "minReports": {{Math.Max(3, devices / 20)}}, "maxFailureRate": 0.2}""";

    private FleetDemoWorkspace(string root) => Root = root;

    public string Root { get; }

    public string ReleasesDir => Path.Combine(Root, "releases");

    public string KeysDir => Path.Combine(Root, "keys");

    /// <summary>The demo's own DEMO keys (its root names the demo's collector, so the user's .demo-keys/ is left alone).</summary>
    public string DemoKeysDir => Path.Combine(Root, "demo-keys");

    public string RecipientsFile => Path.Combine(KeysDir, "recipients.json");

    public string ChannelsFile => Path.Combine(ReleasesDir, "channels.json");

    private string HeldBack => Path.Combine(Root, "held-back");

    public string ImageOf(string version) => Path.Combine(Directory.Exists(Path.Combine(ReleasesDir, version)) ? ReleasesDir : HeldBack, version, SampleReleaseWriter.ImageFileName);

    public static FleetDemoWorkspace Create(string repositoryRoot)
    {
        var workspace = new FleetDemoWorkspace(Directory.CreateTempSubdirectory("secureota-fleet-demo-").FullName);
        SampleReleaseWriter.Write(workspace.ReleasesDir);
        Directory.CreateDirectory(workspace.HeldBack);
        Directory.Move(Path.Combine(workspace.ReleasesDir, Good), Path.Combine(workspace.HeldBack, Good));
        var anchors = Path.Combine(repositoryRoot, "keys", "tls-anchors");
        var target = Path.Combine(workspace.KeysDir, "tls-anchors");
        Directory.CreateDirectory(target);
        if (Directory.Exists(anchors))
        {
            foreach (var file in Directory.EnumerateFiles(anchors)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return workspace;
    }

    public void RegisterDevices(IEnumerable<FleetDevice> devices) =>
        File.WriteAllBytes(RecipientsFile, RecipientFileWriter.Write(devices.Select(d => d.Recipient).ToList()));

    /// <summary>What a maintainer commits with a tag: stable stages <paramref name="release"/> at <paramref name="percent"/> % under the demo's policy.</summary>
    public void StageOnStable(string release, int percent, int devices) => File.WriteAllText(ChannelsFile, $$"""
        {
          "channels": {
            "stable": {
              "manifestLifetimeDays": 14,
              "deltaBaseCount": 3,
              "rollout": {"release": "{{release}}", "percent": {{percent}}, "state": "active"},
              "rolloutPolicy": {{Policy(devices)}}
            },
            "beta": {"manifestLifetimeDays": 7, "deltaBaseCount": 3}
          }
        }
        """);

    /// <summary>The good release's "tag": its folder joins releases/.</summary>
    public void AddGoodRelease() => Directory.Move(Path.Combine(HeldBack, Good), Path.Combine(ReleasesDir, Good));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the collector's database on some systems: the temp folder is left for the OS.
        }
    }
}
