using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Approvals;

/// <summary>
/// Checks a release's approval envelope exactly as a device does (the device core's
/// <see cref="ReleaseApprovalVerifier"/>, steps P1-P6) against a root and the release's computed identity,
/// and says in words how far it is from valid (how many approval keys signed, how many are needed).
/// </summary>
public static class ApprovalCheck
{
    /// <summary>Null when the approval is valid, else what is wrong (a step and a reason).</summary>
    public static string? Problem(TrustedRoot root, byte[] envelope, string version, long securityVersion, ImageDigests digests)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(digests);
        if (ReleaseApprovalVerifier.TryVerify(root, envelope, version, securityVersion, digests.ImageSize, digests.ImageDigest, digests.ImageSha256,
                out _, out var failure))
            return null;
        var signed = EnvelopeParser.TryParse(envelope, out var parsed, out _) ? SignatureThreshold.CountValidKeys(parsed, root.ApprovalRole) : 0;
        return failure.Step == "P4"
            ? $"{signed} of the {root.ApprovalRole.Threshold} approval keys required by root version {root.Version} signed it validly"
            : $"{failure.Step} {failure.Message}";
    }
}
