using SecureOta.Build.Context;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The root whose pinned CA set a monitor checks: the newest version in keys/root/, or, in a repository
/// without a root yet, the DEMO root of .demo-keys/ (made on demand, as the DEMO build does).
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

        var store = new DemoKeyStore(context.Paths.DemoKeysDir);
        store.EnsureCreated(context.Now, TlsAnchorSet.Load(Path.Combine(context.Paths.KeysDir, TlsAnchorSet.FolderName), context.Paths.Display));
        var demo = RootHistory.FromEnvelopes([store.ReadRootEnvelope()], _ => context.Paths.Display(Path.Combine(context.Paths.DemoKeysDir, DemoKeyStore.RootMetadataFile)));
        return new PinSource($"the DEMO root in {context.Paths.Display(context.Paths.DemoKeysDir)} (no keys/root/ yet)", demo);
    }

    /// <summary>The pinned CA certificates (PEM) of the newest root.</summary>
    public IReadOnlyList<string> Anchors => Enumerable.Range(0, Roots.Newest.TlsAnchorCount).Select(Roots.Newest.GetTlsAnchor).ToList();
}
