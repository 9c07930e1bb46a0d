using System.Text.RegularExpressions;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Keys;

/// <summary>
/// Every version of the root metadata, 1 to N, as the signed envelopes devices fetch from
/// <c>roots/&lt;N&gt;.json</c>. Loading walks the chain with the device core's own RootVerifier, so the
/// build never publishes a root history that a device would refuse.
/// </summary>
public sealed partial class RootHistory
{
    private readonly IReadOnlyList<byte[]> _envelopes;

    private RootHistory(IReadOnlyList<byte[]> envelopes, TrustedRoot provisioned, TrustedRoot newest)
    {
        _envelopes = envelopes;
        Provisioned = provisioned;
        Newest = newest;
    }

    /// <summary>Root version 1, the one devices ship with.</summary>
    public TrustedRoot Provisioned { get; }

    /// <summary>The newest root: its release role signs the channel manifests.</summary>
    public TrustedRoot Newest { get; }

    /// <summary>Number of versions (= the newest version).</summary>
    public int Count => _envelopes.Count;

    /// <summary>The envelope bytes of root <paramref name="version"/> (1-based).</summary>
    public byte[] Envelope(int version) => _envelopes[version - 1];

    [GeneratedRegex("^[1-9][0-9]{0,8}\\.json$")]
    private static partial Regex VersionFileName();

    /// <summary>Loads <c>&lt;dir&gt;/&lt;N&gt;.json</c> for N = 1.. and verifies each link as a device would.</summary>
    public static RootHistory Load(string rootDir, Func<string, string> display)
    {
        var files = Directory.Exists(rootDir)
            ? Directory.GetFiles(rootDir).Where(f => VersionFileName().IsMatch(Path.GetFileName(f))).ToList()
            : [];
        if (files.Count == 0)
        {
            throw new BuildException(BuildErrorCode.InvalidRoot, $"No root metadata in {display(rootDir)} (expected 1.json, 2.json, ...).",
                "Create the root keys and root version 1 offline with ./build.sh --target=InitRoot --out=<folder outside the repository>.");
        }

        var byVersion = files.ToDictionary(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture));
        var envelopes = new List<byte[]>();
        for (int version = 1; version <= byVersion.Count; version++)
        {
            if (!byVersion.TryGetValue(version, out var file))
            {
                throw new BuildException(BuildErrorCode.InvalidRoot, $"{display(rootDir)} has {byVersion.Count} root files but no {version}.json.",
                    "Root versions must run 1, 2, 3, ... without gaps; restore the missing version from git history.");
            }
            envelopes.Add(File.ReadAllBytes(file));
        }
        return FromEnvelopes(envelopes, i => display(byVersion[i]));
    }

    /// <summary>Verifies a chain of root envelopes (index 0 = version 1); <paramref name="name"/> names version i in errors.</summary>
    public static RootHistory FromEnvelopes(IReadOnlyList<byte[]> envelopes, Func<int, string> name)
    {
        if (envelopes.Count == 0) throw new ArgumentException("at least root version 1 is needed", nameof(envelopes));
        if (!RootVerifier.TryLoadTrusted(envelopes[0], out var provisioned, out var failure) || provisioned.Version != 1)
        {
            throw new BuildException(BuildErrorCode.InvalidRoot,
                failure is null ? $"{name(1)} holds root version {provisioned!.Version}, not 1." : $"{name(1)} fails {failure.Step}: {failure.Message}",
                "Restore root version 1 from git history; it is what devices are provisioned with.");
        }

        var current = provisioned;
        for (int version = 2; version <= envelopes.Count; version++)
        {
            if (!RootVerifier.TryAcceptNext(current, envelopes[version - 1], out var next, out failure))
            {
                throw new BuildException(BuildErrorCode.InvalidRoot, $"{name(version)} does not follow from root version {version - 1}: {failure.Step} {failure.Message}",
                    "Sign it again with ./build.sh --target=SignRoot using a threshold of the old and the new root keys.");
            }
            current = next;
        }
        return new RootHistory(envelopes, provisioned, current);
    }
}
