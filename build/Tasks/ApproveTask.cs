using SecureOta.Build.Approvals;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Offline, on a maintainer's machine: approves one release (docs/PROTOCOL.md section 6a). Computes the
/// release's identity from its image (product of the newest root, version, security version, image size,
/// imageDigest and SHA-256), signs it with the approval key(s) named, and writes
/// <c>releases/&lt;version&gt;/approval.json</c>, keeping the other maintainers' signatures over the same
/// identity, for review in the release's pull request. Only a threshold of the root's approval keys
/// makes a release installable; the CI key cannot.
/// </summary>
[TaskName("Approve")]
[TaskDescription("Offline: approves a release (--release=<version>) with approval keys (--approval-key=<file> or --approval-key-env=<VAR>, repeated) into releases/<version>/approval.json.")]
[IsDependentOn(typeof(LoadReleasesTask))]
public sealed class ApproveTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var versionText = context.GetArgument("release") ?? throw new BuildException(BuildErrorCode.InvalidArgument,
            "Approve needs --release=<version>.", "Name the release folder under releases/ to approve, such as --release=1.3.0.");
        var release = context.Releases.Releases.FirstOrDefault(r => r.Version.ToString() == versionText) ?? throw new BuildException(
            BuildErrorCode.InvalidArgument, $"There is no release {versionText} under {context.Paths.Display(context.Paths.ReleasesDir)}.",
            "Give the version of a release folder (its release.json); the releases are: " +
            string.Join(", ", context.Releases.Releases.Select(r => r.Version.ToString())) + ".");
        var root = RootHistory.Load(Path.Combine(context.Paths.KeysDir, "root"), context.Paths.Display).Newest;
        var digests = new ChainedArtifactWriter().ComputeImageDigests(release.ReadImage());
        var payload = ReleaseApprovalWriter.Write(root.Product, versionText, release.SecurityVersion, digests);

        var needed = $"root version {root.Version} needs {root.ApprovalRole.Threshold} approval key(s)";
        var signers = RootSigningKeys.Read(context, "approval-key", "approval-key-env", "approval key", needed);
        try
        {
            var outsiders = signers.Select(s => KeyId.Of(s.PublicKey)).Where(id => !root.ApprovalRole.Contains(id)).ToList();
            if (outsiders.Count > 0)
            {
                throw new BuildException(BuildErrorCode.ThresholdNotMet,
                    $"Key(s) {string.Join(", ", outsiders.Select(id => id[..16]))} are not in root version {root.Version}'s approval role.",
                    "Sign with an approval key listed in keys/root/ (a new maintainer's key needs a root version from SignRoot --add-approval-key).");
            }

            var path = ApprovalFile.PathOf(release);
            var existing = ApprovalFile.Read(release, context.Paths.Display);
            var kept = ApprovalFile.SignaturesOver(existing, payload);
            if (existing is not null && kept.Count == 0)
            {
                context.Log.Warning("{0} approved another identity (the image or security version changed since): its signatures are dropped.",
                    context.Paths.Display(path));
            }
            var envelope = Sign(payload, signers, kept);
            Write(path, envelope);

            var valid = EnvelopeParser.TryParse(envelope, out var parsed, out _) ? SignatureThreshold.CountValidKeys(parsed, root.ApprovalRole) : 0;
            context.Log.Information("Approved release {0} (product {1}, security version {2}, {3} bytes, SHA-256 {4}) into {5}: {6} of {7} approval(s) needed.",
                versionText, root.Product, release.SecurityVersion, digests.ImageSize, Convert.ToHexStringLower(digests.ImageSha256),
                context.Paths.Display(path), Math.Min(valid, root.ApprovalRole.Threshold), root.ApprovalRole.Threshold);
            context.Log.Information(valid >= root.ApprovalRole.Threshold
                ? "Next: commit it in the release's pull request; the build publishes only approved releases."
                : "Next: another maintainer runs the same command with their approval key, then commit the file.");
        }
        finally
        {
            foreach (var signer in signers) signer.Dispose();
        }
    }

    private static byte[] Sign(byte[] payload, IReadOnlyList<Crypto.Ed25519KeyPair> signers, IReadOnlyDictionary<string, byte[]> kept)
    {
        try
        {
            return EnvelopeSigner.Sign(PayloadTypes.Approval, payload, signers, kept);
        }
        catch (ProtocolLimitException exception)
        {
            throw new BuildException(BuildErrorCode.ProtocolLimitExceeded, $"The approval would break a protocol rule: {exception.Message}",
                "An approval carries at most 16 signatures, one per key.", exception);
        }
    }

    /// <summary>Written to a temporary file and moved into place, so a failure never leaves half an approval.</summary>
    private static void Write(string path, byte[] envelope)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, envelope);
        File.Move(temporary, path, overwrite: true);
    }
}
