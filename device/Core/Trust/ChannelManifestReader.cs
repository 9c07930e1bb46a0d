using System.Collections;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Step C5: reads a channel manifest payload and checks every member against docs/PROTOCOL.md
    /// sections 6 and 11, including the cross-checks (issued before expires, keys folder named after the
    /// version, artifact path named after its digest, artifact size consistent with its plain size,
    /// full artifact's plain size equal to the image size) and, for delta patches (section 11a), a base
    /// digest and base version, each base at most once. Exactly one full artifact is required; unknown
    /// artifact kinds are skipped. Protocol version 2 adds the product and the release's approval
    /// envelope, which this step only decodes: <see cref="ReleaseApprovalVerifier"/> checks it (P1-P6).
    /// </summary>
    internal static class ChannelManifestReader
    {
        public const string PayloadTypeName = "secureota/channel";
        public const int MaxChannelLength = 32;
        public const int MaxArtifacts = 8;
        public const long MaxSecurityVersion = 4294967295L;
        public const int Spec = 2;

        public static bool TryRead(byte[] data, int offset, int count, out ChannelManifest manifest, out VerificationFailure failure)
        {
            manifest = null;
            object document;
            string reason;
            if (!JsonReader.TryParse(data, offset, count, out document, out reason)) return Fail(out failure, "manifest payload is not valid JSON: " + reason);
            JsonObject top = document as JsonObject;
            if (top == null) return Fail(out failure, "manifest payload must be a JSON object");

            JsonObjectReader reader = new JsonObjectReader(top, "");
            reader.RequireExactString("type", PayloadTypeName);
            reader.RequireInteger("spec", Spec, Spec);
            string product = reader.RequireString("product");
            string channel = reader.RequireString("channel");
            long sequence = reader.RequireInteger("sequence", 0, JsonReader.MaxInteger);
            long issued = reader.RequireInteger("issued", 0, JsonReader.MaxInteger);
            long expires = reader.RequireInteger("expires", 0, JsonReader.MaxInteger);
            JsonObject releaseObject = reader.RequireObject("release");
            JsonObject rolloutObject = reader.RequireObject("rollout");
            if (product != null && !IsChannelName(product)) reader.Fail("product must match [a-z0-9-]{1,32}");
            if (channel != null && !IsChannelName(channel)) reader.Fail("channel must match [a-z0-9-]{1,32}");
            if (!reader.Failed && issued >= expires) reader.Fail("issued (" + issued + ") must be before expires (" + expires + ")");
            if (reader.Failed) return Fail(out failure, reader.Reason);

            ReleaseTarget release = ReadRelease(new JsonObjectReader(releaseObject, "release"), reader);
            RolloutPolicy rollout = ReadRollout(new JsonObjectReader(rolloutObject, "rollout"), reader);
            if (reader.Failed) return Fail(out failure, reader.Reason);

            manifest = new ChannelManifest(product, channel, sequence, issued, expires, release, rollout);
            failure = null;
            return true;
        }

        private static ReleaseTarget ReadRelease(JsonObjectReader reader, JsonObjectReader failures)
        {
            string version = reader.RequireString("version");
            long securityVersion = reader.RequireInteger("securityVersion", 0, MaxSecurityVersion);
            long imageSize = reader.RequireInteger("imageSize", 1, ArtifactLayout.MaxPlainSize);
            byte[] imageDigest = reader.RequireHex("imageDigest", 32);
            byte[] imageSha256 = reader.RequireHex("imageSha256", 32);
            byte[] keyCheck = reader.RequireHex("keyCheck", 16);
            string keys = reader.RequireString("keys");
            byte[] approval = reader.RequireBase64("approval", ReleaseApprovalVerifier.MaxEnvelopeSize);
            JsonArray artifacts = reader.RequireArray("artifacts", 1, MaxArtifacts);
            if (version != null && !SemanticVersion.IsValid(version))
                reader.Fail("release.version must be a SemVer 2.0 version of at most " + SemanticVersion.MaxLength + " characters");
            if (!reader.Failed && keys != "keys/" + version + "/")
                reader.Fail("release.keys must be \"keys/" + version + "/\"");
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }

            ManifestArtifact full = null;
            ArrayList deltas = new ArrayList();
            for (int i = 0; i < artifacts.Count; i++)
            {
                ManifestArtifact artifact = ReadArtifact(artifacts, i, (int)imageSize, reader);
                if (reader.Failed) break;
                if (artifact == null) continue;
                if (artifact.IsDelta)
                {
                    if (HasBase(deltas, artifact.BaseDigest))
                    {
                        reader.Fail("release.artifacts[" + i + "].baseDigest repeats the base of an earlier delta; each base has at most one patch");
                        break;
                    }
                    deltas.Add(artifact);
                    continue;
                }
                if (full != null)
                {
                    reader.Fail("release.artifacts has more than one artifact of kind \"full\"");
                    break;
                }
                full = artifact;
            }
            if (!reader.Failed && full == null) reader.Fail("release.artifacts has no artifact of kind \"full\"");
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }
            ManifestArtifact[] deltaArray = new ManifestArtifact[deltas.Count];
            deltas.CopyTo(deltaArray, 0);
            return new ReleaseTarget(version, securityVersion, (int)imageSize, imageDigest, imageSha256, keyCheck, keys, full, deltaArray, approval);
        }

        private static bool HasBase(ArrayList deltas, byte[] baseDigest)
        {
            for (int i = 0; i < deltas.Count; i++)
            {
                if (ConstantTime.AreEqual(((ManifestArtifact)deltas[i]).BaseDigest, baseDigest)) return true;
            }
            return false;
        }

        /// <summary>
        /// The artifact at index ("full" or "delta"), or null (and no failure) when its kind is unknown and it
        /// is skipped, so later versions can add kinds.
        /// </summary>
        private static ManifestArtifact ReadArtifact(JsonArray artifacts, int index, int imageSize, JsonObjectReader failures)
        {
            string path = "release.artifacts[" + index + "]";
            JsonObject item;
            if (!artifacts.TryGetObject(index, out item))
            {
                failures.Fail(path + " must be an object");
                return null;
            }
            JsonObjectReader reader = new JsonObjectReader(item, path);
            string kind = reader.RequireString("kind");
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }
            bool delta = kind == ManifestArtifact.DeltaKind;
            if (kind != ManifestArtifact.FullKind && !delta) return null;

            string blobPath = reader.RequireString("path");
            long size = reader.RequireInteger("size", 1, JsonReader.MaxInteger);
            string sha256Text = reader.RequireString("sha256");
            byte[] sha256 = reader.RequireHex("sha256", 32);
            byte[] head = reader.RequireHex("head", 32);
            byte[] iv = reader.RequireHex("iv", 16);
            long plainSize = reader.RequireInteger("plainSize", 1, ArtifactLayout.MaxPlainSize);
            byte[] baseDigest = null;
            string baseVersion = null;
            if (delta)
            {
                baseDigest = reader.RequireHex("baseDigest", 32);
                baseVersion = reader.RequireString("baseVersion");
                if (baseVersion != null && !SemanticVersion.IsValid(baseVersion))
                    reader.Fail(path + ".baseVersion must be a SemVer 2.0 version of at most " + SemanticVersion.MaxLength + " characters");
            }
            if (!reader.Failed && blobPath != "blobs/" + sha256Text)
                reader.Fail(path + ".path must be \"blobs/\" followed by its sha256");
            if (!reader.Failed && size != ArtifactLayout.ArtifactSize((int)plainSize))
                reader.Fail(path + ".size " + size + " does not match plainSize " + plainSize +
                    " (the record layout gives " + ArtifactLayout.ArtifactSize((int)plainSize) + ")");
            if (!reader.Failed && !delta && plainSize != imageSize)
                reader.Fail(path + ".plainSize " + plainSize + " differs from release.imageSize " + imageSize);
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }
            return new ManifestArtifact(kind, blobPath, (int)size, sha256, head, iv, (int)plainSize, baseDigest, baseVersion);
        }

        private static RolloutPolicy ReadRollout(JsonObjectReader reader, JsonObjectReader failures)
        {
            long percent = reader.RequireInteger("percent", 0, 100);
            byte[] salt = reader.RequireHex("salt", 16);
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }
            return new RolloutPolicy((int)percent, salt);
        }

        /// <summary>[a-z0-9-]{1,32}: also a file name on the site, so nothing else is allowed.</summary>
        public static bool IsChannelName(string channel)
        {
            if (channel.Length == 0 || channel.Length > MaxChannelLength) return false;
            for (int i = 0; i < channel.Length; i++)
            {
                char c = channel[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
            }
            return true;
        }

        private static bool Fail(out VerificationFailure failure, string reason)
        {
            failure = new VerificationFailure(VerificationError.Malformed, "C5",
                reason + ". The manifest does not follow PROTOCOL.md section 6: rebuild and re-sign it.");
            return false;
        }
    }
}
