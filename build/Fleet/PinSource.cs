using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The root whose pinned CA set a monitor checks: the newest version in keys/root/, or, in a repository
/// without a root yet, the DEMO root of .demo-keys/ as the last DEMO build left it (read, never changed:
/// the DEMO build decides what it pins).
/// </summary>
public sealed record PinSource(string Description, RootHistory Roots)
{
    public static PinSource Load(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rootDir = Path.Combine(context.Paths.KeysDir, "root");
        if (Directory.Exists(rootDir) && Directory.EnumerateFiles(rootDir, "*.json").Any())
        {
            var history = RootHistory.Load(rootDir, context.Paths.Display);
            return new PinSource($"root version {history.Newest.Version} from {context.Paths.Display(rootDir)}", history);
        }

        var demoRoot = Path.Combine(context.Paths.DemoKeysDir, DemoKeyStore.RootMetadataFile);
        if (!File.Exists(demoRoot))
        {
            throw new BuildException(BuildErrorCode.MissingKey,
                $"There is no root to take the pins from: {context.Paths.Display(rootDir)} is empty and there is no DEMO root in {context.Paths.Display(context.Paths.DemoKeysDir)}.",
                "Create the root with ./build.sh --target=InitRoot --out=<folder outside the repository>, or run ./build.sh once for a DEMO root.");
        }

        var demo = RootHistory.FromEnvelopes([File.ReadAllBytes(demoRoot)], _ => context.Paths.Display(demoRoot));
        return new PinSource($"the DEMO root in {context.Paths.Display(context.Paths.DemoKeysDir)} (no keys/root/ yet)", demo);
    }

    /// <summary>The pinned CA certificates (PEM) of the newest root.</summary>
    public IReadOnlyList<string> Anchors => Enumerable.Range(0, Roots.Newest.TlsAnchorCount).Select(Roots.Newest.GetTlsAnchor).ToList();
}
