using System;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Verifies the approval of the release a channel manifest points at (docs/PROTOCOL.md sections 6a
    /// and 9, steps P1-P6, each one method run in order; the first failure stops). The approval is signed
    /// offline by a threshold of the root's approval role; the online release (CI) key that signs the
    /// manifest cannot make one. So a manifest can only point a device at an approved image: the image
    /// digest the device checks every byte against (A5) is the approved one. Pure: bytes in, a verdict out.
    /// </summary>
    public static class ReleaseApprovalVerifier
    {
        /// <summary>DSSE payload type of release approvals.</summary>
        public const string PayloadType = "application/vnd.secureota.approval+json";

        /// <summary>Largest approval envelope (section 11): room for 16 signatures.</summary>
        public const int MaxEnvelopeSize = 4096;

        /// <param name="root">The newest trusted root: its approval role must sign, and its product is the device's.</param>
        /// <param name="release">The release of the verified manifest (C1-C10): its approval bytes and identity.</param>
        /// <param name="identity">On success: the approved identity, equal to the release's.</param>
        /// <param name="failure">On failure: what is wrong, at which step.</param>
        public static bool TryVerify(TrustedRoot root, ReleaseTarget release, out ReleaseIdentity identity, out VerificationFailure failure)
        {
            if (release == null) throw new ArgumentNullException("release");
            return TryVerify(root, release.Approval, release.Version, release.SecurityVersion, release.ImageSize, release.ImageDigest,
                release.ImageSha256, out identity, out failure);
        }

        /// <summary>
        /// The same steps for an approval envelope and the release identity it must name, as the build and
        /// third parties check a release before they publish or trust it.
        /// </summary>
        public static bool TryVerify(TrustedRoot root, byte[] envelope, string version, long securityVersion, long imageSize,
            byte[] imageDigest, byte[] imageSha256, out ReleaseIdentity identity, out VerificationFailure failure)
        {
            if (root == null) throw new ArgumentNullException("root");
            if (envelope == null) throw new ArgumentNullException("envelope");
            if (version == null) throw new ArgumentNullException("version");
            if (imageDigest == null || imageDigest.Length != 32) throw new ArgumentException("an image digest is 32 bytes", "imageDigest");
            if (imageSha256 == null || imageSha256.Length != 32) throw new ArgumentException("a SHA-256 is 32 bytes", "imageSha256");
            identity = null;

            SignedEnvelope signed;
            ReleaseIdentity approved;
            if (!EnvelopeSteps.CheckSize(envelope, MaxEnvelopeSize, "P1", "release approval envelope", out failure)) return false;
            if (!EnvelopeSteps.TryParse(envelope, "P2", "release approval envelope", out signed, out failure)) return false;
            if (!EnvelopeSteps.CheckPayloadType(signed, PayloadType, "P3", out failure)) return false;
            if (!CheckSignedByApprovalRole(signed, root, out failure)) return false;
            if (!ApprovalPayloadReader.TryRead(signed.Message, signed.PayloadOffset, signed.PayloadLength, out approved, out failure)) return false;
            if (!CheckIdentity(approved, root, version, securityVersion, imageSize, imageDigest, imageSha256, out failure)) return false;
            identity = approved;
            return true;
        }

        /// <summary>P4: a threshold of the trusted root's approval keys signed it (before the payload is parsed).</summary>
        private static bool CheckSignedByApprovalRole(SignedEnvelope signed, TrustedRoot root, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckThreshold(signed, root.ApprovalRole, "approval (of root version " + root.Version + ")", "P4", out failure);
        }

        /// <summary>P6: the approval is for the device's product and names exactly the manifest's release.</summary>
        private static bool CheckIdentity(ReleaseIdentity approved, TrustedRoot root, string version, long securityVersion, long imageSize,
            byte[] imageDigest, byte[] imageSha256, out VerificationFailure failure)
        {
            failure = null;
            if (approved.Product != root.Product)
            {
                failure = new VerificationFailure(VerificationError.WrongProduct, "P6",
                    "the approval is for product \"" + approved.Product + "\" but this device runs \"" + root.Product +
                    "\"; another product's release was published on this channel.");
                return false;
            }
            string differs = null;
            if (approved.Version != version) differs = "version";
            else if (approved.SecurityVersion != securityVersion) differs = "securityVersion";
            else if (approved.ImageSize != imageSize) differs = "imageSize";
            else if (!ConstantTime.AreEqual(approved.ImageDigest, imageDigest)) differs = "imageDigest";
            else if (!ConstantTime.AreEqual(approved.ImageSha256, imageSha256)) differs = "imageSha256";
            if (differs == null) return true;
            failure = new VerificationFailure(VerificationError.NotApproved, "P6",
                "release " + version + " differs from its approval (of " + approved.Version + ") in " + differs +
                "; the image was not approved by the maintainers' approval keys. Nothing is downloaded.");
            return false;
        }
    }
}
