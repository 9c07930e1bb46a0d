using System;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Whether the device already runs a release: the active slot's record names its image, and the slot's
    /// bytes still are that image. "Already running" used to trust the record alone, so a running slot
    /// damaged after its update was never repaired: every boot found nothing bootable, every poll said
    /// UpToDate. The bytes are read back once per client (one boot) and record: the loader checked them
    /// at boot, but a boot that found nothing bootable still polls, and reading the whole slot on every
    /// hourly poll would cost a full slot read each time for nothing.
    /// </summary>
    internal sealed class RunningImage
    {
        private readonly SlotImageVerifier _verifier;
        private readonly byte[] _intactDigest = new byte[DigestKeys.DigestSize];
        private SlotId _intactSlot = SlotId.None;

        internal RunningImage(SlotImageVerifier verifier)
        {
            _verifier = verifier;
        }

        /// <summary>True when the active slot's record names the release's image (its length and image digest).</summary>
        internal bool Records(UpdateSession session, ReleaseTarget release)
        {
            BootState committed = session.Committed;
            SlotImage running = committed.Image(committed.ActiveSlot);
            return running.IsPresent && running.Length == release.ImageSize &&
                ConstantTime.AreEqual(running.Digest, 0, release.ImageDigest, 0, DigestKeys.DigestSize);
        }

        /// <summary>True when the active slot's bytes read back as the image its record names.</summary>
        internal bool IsIntact(UpdateSession session)
        {
            BootState committed = session.Committed;
            SlotId active = committed.ActiveSlot;
            SlotImage image = committed.Image(active);
            if (!image.IsPresent) return false;
            if (_intactSlot == active && ConstantTime.AreEqual(_intactDigest, 0, image.Digest, 0, DigestKeys.DigestSize)) return true;
            string problem;
            if (!_verifier.TryVerify(session.Platform.Slots, active, image, out problem))
            {
                _intactSlot = SlotId.None;
                return false;
            }
            _intactSlot = active;
            Array.Copy(image.Digest, 0, _intactDigest, 0, DigestKeys.DigestSize);
            return true;
        }
    }
}
