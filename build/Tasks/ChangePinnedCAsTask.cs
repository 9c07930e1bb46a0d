using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>Offline ceremony: the next root version pinning the CA certificates now in keys/tls-anchors/ (or --tls-anchors=&lt;dir&gt;).</summary>
[TaskName("ChangePinnedCAs")]
[TaskDescription("Offline: signs the next root version pinning the root CA certificates in keys/tls-anchors/ (or --tls-anchors=<dir>) with root keys (--root-key=<file> or --root-key-env=<VAR>).")]
public sealed class ChangePinnedCAsTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => RootCeremony.Run(context,
        draft => RootChanges.Anchors(context, draft, Path.Combine(context.Paths.KeysDir, TlsAnchorSet.FolderName)),
        "Check the new pin set against the live site with ./build.sh --target=CheckPins --url=<site URL> once it is deployed.");
}
