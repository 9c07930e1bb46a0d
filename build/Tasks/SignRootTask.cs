using SecureOta.Build.Context;
using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Offline: writes the next root version with the requested changes, signed by the root keys given,
/// and refuses to write it unless a device holding the current root would accept it (a threshold of
/// the current root keys AND of the new root keys, checked by the device core's RootVerifier).
/// </summary>
[TaskName("SignRoot")]
[TaskDescription("Offline: signs the next root version (--root-key=<file> repeated; changes: --add-root-key, --remove-root-key, --root-threshold, --add-release-key, --remove-release-key, --release-threshold, --tls-anchors=<dir>, --expires-days).")]
public sealed class SignRootTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var rootDir = Path.Combine(context.Paths.KeysDir, "root");
        var history = RootHistory.Load(rootDir, context.Paths.Display);
        var current = history.Newest;
        var draft = RootDraft.From(current);
        var changes = ApplyChanges(context, draft);
        int days = CeremonyArguments.Integer(context, "expires-days", 365, 1, 3650);
        long version = current.Version + 1;
        var payload = RootMetadataWriterFor(draft, version, context.Now.AddDays(days).ToUnixTimeSeconds());

        var keyFiles = context.GetArguments("root-key");
        if (keyFiles.Count == 0)
        {
            throw new BuildException(BuildErrorCode.MissingKey, "No root key was given to sign with.",
                $"Pass --root-key=<file> for each root key that signs; root version {version} needs {current.RootRole.Threshold} of root version {current.Version}'s keys and {draft.RootThreshold} of its own.");
        }
        var signers = keyFiles.Select(f => Ed25519KeyPair.FromSeed(KeyFile.Read(f, "root key"))).ToList();
        try
        {
            var outsiders = signers.Select(s => KeyId.Of(s.PublicKey)).Where(id => !current.RootRole.Contains(id) && !draft.RootKeyIds.Contains(id)).ToList();
            if (outsiders.Count > 0)
            {
                throw new BuildException(BuildErrorCode.ThresholdNotMet, $"Root key(s) {string.Join(", ", outsiders)} are in neither root version {current.Version} nor {version}.",
                    "Sign only with root keys of the current or the new root; check the files given to --root-key.");
            }

            var envelope = EnvelopeSigner.Sign(PayloadTypes.Root, payload, signers);
            if (!RootVerifier.TryAcceptNext(current, envelope, out _, out var failure))
            {
                throw new BuildException(BuildErrorCode.ThresholdNotMet, $"Devices would refuse root version {version}: {failure.Step} {failure.Message}",
                    $"Sign with at least {current.RootRole.Threshold} key(s) of root version {current.Version} ({Count(signers, current.RootRole)} given) " +
                    $"and {draft.RootThreshold} of root version {version} ({signers.Count(s => draft.RootKeyIds.Contains(KeyId.Of(s.PublicKey)))} given).");
            }

            var target = Path.Combine(rootDir, $"{version}.json");
            using (var stream = new FileStream(target, FileMode.CreateNew)) stream.Write(envelope);
            context.Log.Information("Signed root version {0} into {1} with {2} key(s); expires {3:u}.", version, context.Paths.Display(target), signers.Count, context.Now.AddDays(days));
            foreach (var change in changes) context.Log.Information("  {0}", change);
            context.Log.Information("Next: commit {0} and deploy; devices walk to it on their next poll.", context.Paths.Display(target));
        }
        finally
        {
            foreach (var signer in signers) signer.Dispose();
        }
    }

    private static byte[] RootMetadataWriterFor(RootDraft draft, long version, long expires)
    {
        try
        {
            return RootMetadataWriter.Write(draft.ToMetadata(version, expires));
        }
        catch (ProtocolLimitException e)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"Root version {version} would be invalid: {e.Member}: {e.Message}",
                "Adjust the requested changes (a threshold above the number of keys, or a role left without keys, is refused).");
        }
    }

    private static List<string> ApplyChanges(BuildContext context, RootDraft draft)
    {
        var changes = new List<string>();
        foreach (var (argument, rootRole) in new[] { ("add-root-key", true), ("add-release-key", false) })
        {
            foreach (var value in context.GetArguments(argument))
            {
                var key = CeremonyArguments.PublicKey(context, argument, value);
                if (!draft.Add(rootRole, key)) throw Unchanged(argument, $"key {KeyId.Of(key)} is already in the role");
                changes.Add($"added {(rootRole ? "root" : "release")} key {KeyId.Of(key)}");
            }
        }
        foreach (var (argument, rootRole) in new[] { ("remove-root-key", true), ("remove-release-key", false) })
        {
            foreach (var keyId in context.GetArguments(argument))
            {
                if (!draft.Remove(rootRole, keyId.ToLowerInvariant())) throw Unchanged(argument, $"key id {keyId} is not in the role");
                changes.Add($"removed {(rootRole ? "root" : "release")} key {keyId}");
            }
        }
        if (context.HasArgument("root-threshold"))
        {
            draft.RootThreshold = CeremonyArguments.Integer(context, "root-threshold", draft.RootThreshold, 1, 16);
            changes.Add($"root threshold {draft.RootThreshold}");
        }
        if (context.HasArgument("release-threshold"))
        {
            draft.ReleaseThreshold = CeremonyArguments.Integer(context, "release-threshold", draft.ReleaseThreshold, 1, 16);
            changes.Add($"release threshold {draft.ReleaseThreshold}");
        }
        if (context.GetArgument("tls-anchors") is { } anchors)
        {
            draft.TlsAnchors = TlsAnchorSet.Load(Path.GetFullPath(anchors, context.Environment.WorkingDirectory), context.Paths.Display);
            changes.Add($"pinned CA set replaced ({draft.TlsAnchors.Count} certificates)");
        }
        if (changes.Count == 0) changes.Add("no changes but a new expiry (a re-signed root)");
        return changes;
    }

    private static int Count(IEnumerable<Ed25519KeyPair> signers, SigningRole role) => signers.Count(s => role.Contains(KeyId.Of(s.PublicKey)));

    private static BuildException Unchanged(string argument, string reason) =>
        new(BuildErrorCode.InvalidArgument, $"--{argument}: {reason}.", "Check the key or key id; list the current root's keys with ./build.sh --target=Verify.");
}
