using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>Step P5: reads a release approval payload and checks every member against docs/PROTOCOL.md section 6a.</summary>
    internal static class ApprovalPayloadReader
    {
        public const string PayloadTypeName = "secureota/approval";
        public const int Spec = 2;

        public static bool TryRead(byte[] data, int offset, int count, out ReleaseIdentity identity, out VerificationFailure failure)
        {
            identity = null;
            object document;
            string reason;
            if (!JsonReader.TryParse(data, offset, count, out document, out reason)) return Fail(out failure, "approval payload is not valid JSON: " + reason);
            JsonObject top = document as JsonObject;
            if (top == null) return Fail(out failure, "approval payload must be a JSON object");

            JsonObjectReader reader = new JsonObjectReader(top, "");
            reader.RequireExactString("type", PayloadTypeName);
            reader.RequireInteger("spec", Spec, Spec);
            string product = reader.RequireString("product");
            string version = reader.RequireString("version");
            long securityVersion = reader.RequireInteger("securityVersion", 0, ChannelManifestReader.MaxSecurityVersion);
            long imageSize = reader.RequireInteger("imageSize", 1, ArtifactLayout.MaxPlainSize);
            byte[] imageDigest = reader.RequireHex("imageDigest", 32);
            byte[] imageSha256 = reader.RequireHex("imageSha256", 32);
            if (product != null && !ProductName.IsValid(product)) reader.Fail("product must match [a-z0-9-]{1,32}");
            if (version != null && !SemanticVersion.IsValid(version))
                reader.Fail("version must be a SemVer 2.0 version of at most " + SemanticVersion.MaxLength + " characters");
            if (reader.Failed) return Fail(out failure, reader.Reason);

            identity = new ReleaseIdentity(product, version, securityVersion, imageSize, imageDigest, imageSha256);
            failure = null;
            return true;
        }

        private static bool Fail(out VerificationFailure failure, string reason)
        {
            failure = new VerificationFailure(VerificationError.Malformed, "P5",
                reason + ". The release approval does not follow PROTOCOL.md section 6a: approve the release again with the Approve target.");
            return false;
        }
    }
}
