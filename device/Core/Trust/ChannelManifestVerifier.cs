using System;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Verifies a channel manifest envelope (docs/PROTOCOL.md sections 6 and 9, steps C1-C10, each one
    /// method run in order; the first failure stops). Pure: the caller supplies the bytes and the
    /// device's trusted state, and persists nothing unless this returns a new release and every
    /// later step (key, artifact) succeeds too.
    /// </summary>
    public static class ChannelManifestVerifier
    {
        /// <summary>DSSE payload type of channel manifests.</summary>
        public const string PayloadType = "application/vnd.secureota.channel+json";

        /// <summary>Largest channel envelope (section 11).</summary>
        public const int MaxEnvelopeSize = 16384;

        /// <param name="envelope">The bytes of channels/&lt;channel&gt;.json.</param>
        /// <param name="root">The newest trusted root (after the root walk); its release role must sign.</param>
        /// <param name="deviceChannel">The channel the device follows.</param>
        /// <param name="highestSequence">The highest manifest sequence the device has accepted (0 if none).</param>
        /// <param name="installedSecurityVersion">The security version of the image the device runs.</param>
        /// <param name="now">Unix seconds from <see cref="DeviceClock.EffectiveNow"/>, never the raw clock.</param>
        /// <param name="verified">On success: <see cref="ManifestOutcome.NewRelease"/> or <see cref="ManifestOutcome.NothingNew"/> and the manifest.</param>
        /// <param name="failure">On failure: what is wrong, at which step.</param>
        public static bool TryVerify(byte[] envelope, TrustedRoot root, string deviceChannel, long highestSequence,
            long installedSecurityVersion, long now, out VerifiedManifest verified, out VerificationFailure failure)
        {
            return TryVerify(envelope, root, deviceChannel, highestSequence, installedSecurityVersion, now, Json.JsonReader.MaxInteger,
                out verified, out failure);
        }

        /// <summary>
        /// The same, for a device whose clock is synchronised: <paramref name="maxIssued"/> is
        /// <see cref="DeviceClock.MaxIssued"/> (the clock plus the allowed skew), and a manifest issued later is
        /// refused (C10), so a wrongly clocked or stolen release key cannot push the device's time floor ahead.
        /// </summary>
        public static bool TryVerify(byte[] envelope, TrustedRoot root, string deviceChannel, long highestSequence,
            long installedSecurityVersion, long now, long maxIssued, out VerifiedManifest verified, out VerificationFailure failure)
        {
            if (envelope == null) throw new ArgumentNullException("envelope");
            verified = null;
            SignedEnvelope signed;
            if (!TryParseEnvelope(envelope, envelope.Length, out signed, out failure)) return false;
            return TryVerify(signed, root, deviceChannel, highestSequence, installedSecurityVersion, now, maxIssued, out verified, out failure);
        }

        /// <summary>
        /// C1 and C2 alone, for the envelope in data[0, count) (a reused document buffer): what a device does as soon
        /// as the manifest arrives, so the buffer is free again for the root walk and only the signed message is kept.
        /// </summary>
        public static bool TryParseEnvelope(byte[] data, int count, out SignedEnvelope signed, out VerificationFailure failure)
        {
            if (data == null) throw new ArgumentNullException("data");
            signed = null;
            if (!CheckSize(count, out failure)) return false;
            return ParseEnvelope(data, count, out signed, out failure);
        }

        /// <summary>C3-C10 on an envelope <see cref="TryParseEnvelope"/> parsed; the other parameters as for the bytes.</summary>
        public static bool TryVerify(SignedEnvelope signed, TrustedRoot root, string deviceChannel, long highestSequence,
            long installedSecurityVersion, long now, long maxIssued, out VerifiedManifest verified, out VerificationFailure failure)
        {
            if (signed == null) throw new ArgumentNullException("signed");
            if (root == null) throw new ArgumentNullException("root");
            if (deviceChannel == null) throw new ArgumentNullException("deviceChannel");
            verified = null;

            ChannelManifest manifest;
            if (!CheckPayloadType(signed, out failure)) return false;
            if (!CheckSignedByReleaseRole(signed, root, out failure)) return false;
            if (!ParsePayload(signed, out manifest, out failure)) return false;
            if (!CheckChannel(manifest, root, deviceChannel, out failure)) return false;
            if (!CheckSequence(manifest, highestSequence, out failure)) return false;
            if (manifest.Sequence == highestSequence)
            {
                verified = new VerifiedManifest(ManifestOutcome.NothingNew, manifest);
                return true;
            }
            if (!CheckNotExpired(manifest, now, out failure)) return false;
            if (!CheckSecurityVersion(manifest, installedSecurityVersion, out failure)) return false;
            if (!CheckIssuedNotAhead(manifest, maxIssued, out failure)) return false;
            verified = new VerifiedManifest(ManifestOutcome.NewRelease, manifest);
            return true;
        }

        /// <summary>C1: at most 16 KiB.</summary>
        private static bool CheckSize(int count, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckSize(count, MaxEnvelopeSize, "C1", "channel manifest envelope", out failure);
        }

        /// <summary>C2: a well-formed DSSE envelope.</summary>
        private static bool ParseEnvelope(byte[] data, int count, out SignedEnvelope signed, out VerificationFailure failure)
        {
            return EnvelopeSteps.TryParse(data, count, "C2", "channel manifest envelope", out signed, out failure);
        }

        /// <summary>C3: the payload type is a channel manifest.</summary>
        private static bool CheckPayloadType(SignedEnvelope signed, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckPayloadType(signed, PayloadType, "C3", out failure);
        }

        /// <summary>C4: the trusted root's release role signed it (before its payload is parsed).</summary>
        private static bool CheckSignedByReleaseRole(SignedEnvelope signed, TrustedRoot root, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckThreshold(signed, root.ReleaseRole, "release (of root version " + root.Version + ")", "C4", out failure);
        }

        /// <summary>C5: the payload follows section 6 and the limits of section 11.</summary>
        private static bool ParsePayload(SignedEnvelope signed, out ChannelManifest manifest, out VerificationFailure failure)
        {
            return ChannelManifestReader.TryRead(signed.Message, signed.PayloadOffset, signed.PayloadLength, out manifest, out failure);
        }

        /// <summary>
        /// C6: the manifest is for the device's product (the trusted root's: TUF's "wrong software") and its
        /// channel (a validly signed beta manifest must not reach a stable device).
        /// </summary>
        private static bool CheckChannel(ChannelManifest manifest, TrustedRoot root, string deviceChannel, out VerificationFailure failure)
        {
            failure = null;
            if (manifest.Product != root.Product)
            {
                failure = new VerificationFailure(VerificationError.WrongProduct, "C6",
                    "manifest is for product \"" + manifest.Product + "\" but the device runs \"" + root.Product +
                    "\"; the server returned another product's manifest.");
                return false;
            }
            if (manifest.Channel == deviceChannel) return true;
            failure = new VerificationFailure(VerificationError.WrongChannel, "C6",
                "manifest is for channel \"" + manifest.Channel + "\" but the device follows \"" + deviceChannel +
                "\"; the server returned another channel's manifest.");
            return false;
        }

        /// <summary>C7: never lower than the highest accepted (rollback, replay); equal is handled by the caller as nothing new.</summary>
        private static bool CheckSequence(ChannelManifest manifest, long highestSequence, out VerificationFailure failure)
        {
            failure = null;
            if (manifest.Sequence >= highestSequence) return true;
            failure = new VerificationFailure(VerificationError.RolledBack, "C7",
                "manifest sequence " + manifest.Sequence + " is lower than " + highestSequence +
                ", the highest this device accepted; an old manifest is being replayed. Keep the current image.");
            return false;
        }

        /// <summary>C8: expires &gt; now, so a frozen (stale) manifest is refused.</summary>
        private static bool CheckNotExpired(ChannelManifest manifest, long now, out VerificationFailure failure)
        {
            failure = null;
            if (manifest.Expires > now) return true;
            failure = new VerificationFailure(VerificationError.Expired, "C8",
                "manifest expired at " + manifest.Expires + " (now " + now + "); the server is stale or is " +
                "withholding updates. The release pipeline's scheduled refresh must re-sign the channel.");
            return false;
        }

        /// <summary>
        /// C10: with a synchronised clock, issued is at most the clock plus the allowed skew
        /// (<see cref="DeviceClock.MaxClockSkewSeconds"/>); an unsynchronised device passes maxIssued = 2^53 - 1.
        /// </summary>
        private static bool CheckIssuedNotAhead(ChannelManifest manifest, long maxIssued, out VerificationFailure failure)
        {
            failure = null;
            if (manifest.Issued <= maxIssued) return true;
            failure = new VerificationFailure(VerificationError.IssuedInFuture, "C10",
                "manifest was issued at " + manifest.Issued + ", after " + maxIssued + " (the device's synchronised clock plus the allowed skew); " +
                "it was signed with a wrong clock or by a stolen key. The device keeps its image and floors; re-sign with a correct clock.");
            return false;
        }

        /// <summary>C9: the release's security version is not below the installed one (downgrade).</summary>
        private static bool CheckSecurityVersion(ChannelManifest manifest, long installedSecurityVersion, out VerificationFailure failure)
        {
            failure = null;
            if (manifest.Release.SecurityVersion >= installedSecurityVersion) return true;
            failure = new VerificationFailure(VerificationError.SecurityDowngrade, "C9",
                "release " + manifest.Release.Version + " has security version " + manifest.Release.SecurityVersion +
                ", below the installed " + installedSecurityVersion + "; installing it would reopen fixed vulnerabilities. " +
                "Publish a release with security version " + installedSecurityVersion + " or higher.");
            return false;
        }
    }
}
