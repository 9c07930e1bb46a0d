using System.Globalization;
using SecureOta.Build.Context;
using SecureOta.Build.Crypto;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Keys;

/// <summary>
/// The one procedure behind every root ceremony (SignRoot, AddReleaseKey, RevokeReleaseKey,
/// RotateRootKeys, ChangePinnedCAs): load and verify the root history in keys/root/, apply the
/// ceremony's changes to a draft of the next version, sign it with the root keys named, and write
/// <c>keys/root/&lt;N+1&gt;.json</c> only if a device holding root N would accept it (a threshold of root
/// N's keys and of the new root's own keys, checked by the device core's RootVerifier).
/// </summary>
public static class RootCeremony
{
    public const string ExpiresDaysArgument = "expires-days";

    /// <summary>Signs and writes the next root version; returns its path.</summary>
    /// <param name="changes">Applies the ceremony's changes to the draft and says what each was (enumerated once, before signing).</param>
    /// <param name="nextSteps">What the maintainer does after committing the new root (shown last).</param>
    public static string Run(BuildContext context, Func<RootDraft, IEnumerable<string>> changes, string nextSteps)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(changes);
        var rootDir = Path.Combine(context.Paths.KeysDir, "root");
        var history = RootHistory.Load(rootDir, context.Paths.Display);
        var current = history.Newest;
        var draft = RootDraft.From(current);
        var applied = changes(draft).ToList();
        if (applied.Count == 0) applied.Add("no change but a new expiry (a re-signed root)");

        int days = CeremonyArguments.Integer(context, ExpiresDaysArgument, 365, 1, 3650);
        long version = current.Version + 1;
        var expires = context.Now.AddDays(days);
        var payload = Payload(draft, version, expires.ToUnixTimeSeconds());
        var needed = $"root version {version} needs {current.RootRole.Threshold} of root version {current.Version}'s keys and {draft.RootThreshold} of its own";
        var signers = RootSigningKeys.Read(context, needed);
        try
        {
            var signerIds = signers.Select(s => KeyId.Of(s.PublicKey)).ToList();
            var outsiders = signerIds.Where(id => !current.RootRole.Contains(id) && !draft.RootKeyIds.Contains(id)).ToList();
            if (outsiders.Count > 0)
            {
                throw new BuildException(BuildErrorCode.ThresholdNotMet, $"Root key(s) {string.Join(", ", outsiders)} are in neither root version {current.Version} nor {version}.",
                    "Sign only with root keys of the current or the new root; check the keys given to --root-key and --root-key-env.");
            }

            var envelope = SignEnvelope(payload, signers, version);
            if (!RootVerifier.TryAcceptNext(current, envelope, out _, out var failure))
            {
                throw new BuildException(BuildErrorCode.ThresholdNotMet, $"Devices would refuse root version {version}: {failure.Step} {failure.Message}",
                    $"Sign with at least {current.RootRole.Threshold} key(s) of root version {current.Version} ({signerIds.Count(current.RootRole.Contains)} given) " +
                    $"and {draft.RootThreshold} of root version {version} ({signerIds.Count(draft.RootKeyIds.Contains)} given).");
            }

            var target = Path.Combine(rootDir, version.ToString(CultureInfo.InvariantCulture) + ".json");
            try
            {
                using var stream = new FileStream(target, FileMode.CreateNew);
                stream.Write(envelope);
            }
            catch (IOException exception) when (File.Exists(target))
            {
                throw new BuildException(BuildErrorCode.FileSystem, $"{context.Paths.Display(target)} already exists.",
                    "Another ceremony wrote it meanwhile: reload keys/root/ (git pull) and run the ceremony again.", exception);
            }

            context.Log.Information("Signed root version {0} into {1} with {2} key(s); expires {3:u} ({4} days).",
                version, context.Paths.Display(target), signers.Count, expires, days);
            context.Log.Information(SummaryTable.Render(KeyTable(current, draft, signerIds, version)));
            foreach (var change in applied) context.Log.Information("  {0}", change);
            context.Log.Information("Next: commit {0} in a pull request and deploy; devices walk to it on their next poll. {1}", context.Paths.Display(target), nextSteps);
            return target;
        }
        finally
        {
            foreach (var signer in signers) signer.Dispose();
        }
    }

    private static Spectre.Console.Table KeyTable(TrustedRoot current, RootDraft draft, IReadOnlyList<string> signerIds, long version)
    {
        var table = SummaryTable.Create("Key id", "Role", $"In v{current.Version}", $"In v{version}", "Signed v" + version.ToString(CultureInfo.InvariantCulture));
        string Mark(bool yes) => yes ? "yes" : "-";
        foreach (var (role, oldRole, newIds) in new[]
        {
            ("root", current.RootRole, draft.RootKeyIds),
            ("approval", current.ApprovalRole, draft.KeyIds(RootRoleKind.Approval)),
            ("release", current.ReleaseRole, draft.KeyIds(RootRoleKind.Release)),
        })
        {
            var ids = Enumerable.Range(0, oldRole.KeyCount).Select(oldRole.GetKeyId).Concat(newIds).Distinct(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                table.Row(id[..16], role, Mark(oldRole.Contains(id)), Mark(newIds.Contains(id)), role == "root" ? Mark(signerIds.Contains(id)) : "");
            }
        }

        table.Row("threshold", "root", $"{current.RootRole.Threshold}", $"{draft.RootThreshold}", "");
        table.Row("threshold", "approval", $"{current.ApprovalRole.Threshold}", $"{draft.Threshold(RootRoleKind.Approval)}", "");
        table.Row("threshold", "release", $"{current.ReleaseRole.Threshold}", $"{draft.Threshold(RootRoleKind.Release)}", "");
        table.Row("pinned CAs", "", $"{current.TlsAnchorCount}", $"{draft.TlsAnchors.Count}", "");
        return table;
    }

    /// <summary>The signed envelope; one over the root size limit is a maintainer's error saying what takes the room.</summary>
    private static byte[] SignEnvelope(byte[] payload, IReadOnlyList<Ed25519KeyPair> signers, long version)
    {
        try
        {
            return EnvelopeSigner.Sign(PayloadTypes.Root, payload, signers);
        }
        catch (ProtocolLimitException e) when (e.Member == "envelope")
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"Root version {version} would be invalid: {e.Message}",
                $"Devices refuse a root envelope over {ProtocolLimits.MaxRootEnvelopeSize} bytes (PROTOCOL.md section 11). Pin fewer or smaller CA " +
                "certificates, or list fewer keys: each pinned CA takes its PEM size and a third more, each key about 300 bytes, and each " +
                "approval and release key about 530 more for its split points (section 5).");
        }
    }

    private static byte[] Payload(RootDraft draft, long version, long expires)
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
}
