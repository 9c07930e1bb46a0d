using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Where the download of a verified manifest's image starts (docs/PROTOCOL.md section 9): at the stored
    /// resume point when it belongs to this very image, else at record 0; and the floors a manifest sets.
    /// </summary>
    internal static class DownloadStart
    {
        /// <summary>True when the stored resume point belongs to this very manifest's image in the inactive slot.</summary>
        internal static bool IsSameDownload(BootState committed, ChannelManifest manifest)
        {
            return committed.IsDownloadPending && manifest.Sequence == committed.HighestSequence &&
                committed.ResumeSlot == committed.InactiveSlot &&
                ConstantTime.AreEqual(committed.ResumeTarget, 0, manifest.Release.ImageDigest, 0, committed.ResumeTarget.Length);
        }

        /// <summary>Accepts the manifest and points the resume state at record 0 of the inactive slot, whose old image record is dropped.</summary>
        internal static void Begin(UpdateSession session, ChannelManifest manifest)
        {
            BootState working = session.Working;
            ManifestArtifact artifact = manifest.Release.FullArtifact;
            Accept(working, manifest);
            SlotId target = working.InactiveSlot;
            working.Image(target).Clear();
            working.BeginDownload(target, manifest.Release.ImageDigest, artifact.Head, artifact.Iv);
            session.Commit();
        }

        /// <summary>Stores the manifest's sequence and issued time as the device's floors (C7, C8).</summary>
        internal static void Accept(BootState working, ChannelManifest manifest)
        {
            working.HighestSequence = manifest.Sequence;
            if (manifest.Issued > working.LastIssued) working.LastIssued = manifest.Issued;
        }
    }
}
