using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>Offline ceremony: the next root version with one more release key (and optionally a new release threshold).</summary>
[TaskName("AddReleaseKey")]
[TaskDescription("Offline: signs the next root version adding a release key (--key=<file.pub or 64 hex>, optional --release-threshold) with root keys (--root-key=<file> or --root-key-env=<VAR>, repeated).")]
public sealed class AddReleaseKeyTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        CeremonyArguments.RequireAny(context, "key", "the public key of the release key to add (its .pub file from ./build.sh --target=NewKey)");
        RootCeremony.Run(context, draft =>
            [
                .. RootChanges.AddKeys(context, draft, "key", RootRoleKind.Release),
                .. RootChanges.Threshold(context, draft, RootRoleKind.Release),
            ],
            "Then put the new key's base64 line into the SECUREOTA_RELEASE_KEY secret (release-signing and release-refresh environments) " +
            "if CI is to sign with it; the first key given there also derives every content key.");
    }
}
