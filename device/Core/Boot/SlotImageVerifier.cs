using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// Reads a slot back and checks that it holds exactly the image the boot state records: the same
    /// length and the same image digest (docs/PROTOCOL.md section 2.1). The update client runs it before
    /// a slot is staged and the boot manager before a slot is run, so what executes is what was signed,
    /// whatever a power cut or a bad flash page did to the file. Native HMAC per 4 KiB chunk; one read
    /// buffer (borrowed from the caller) and one digest fold, both allocated once.
    /// </summary>
    public sealed class SlotImageVerifier
    {
        private readonly ImageDigestBuilder _fold;
        private readonly byte[] _buffer;
        private readonly byte[] _digest = new byte[DigestKeys.DigestSize];

        /// <param name="hmac">The native HMAC.</param>
        /// <param name="readBuffer">At least 4096 bytes, used only during <see cref="TryVerify"/> (it may be shared with other work).</param>
        public SlotImageVerifier(IHmacSha256 hmac, byte[] readBuffer)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (readBuffer == null) throw new ArgumentNullException("readBuffer");
            if (readBuffer.Length < ArtifactLayout.ChunkSize) throw new ArgumentException("the read buffer holds at least 4096 bytes", "readBuffer");
            _fold = new ImageDigestBuilder(hmac);
            _buffer = readBuffer;
        }

        /// <summary>True when the slot holds exactly the recorded image; otherwise false with the reason in <paramref name="problem"/>.</summary>
        public bool TryVerify(ISlotStore slots, SlotId slot, SlotImage image, out string problem)
        {
            if (slots == null) throw new ArgumentNullException("slots");
            if (image == null) throw new ArgumentNullException("image");
            problem = null;
            if (!image.IsPresent)
            {
                problem = "slot " + Name(slot) + " holds no recorded image";
                return false;
            }
            try
            {
                long length = slots.Length(slot);
                if (length != image.Length)
                {
                    problem = "slot " + Name(slot) + " has " + length + " bytes where its image has " + image.Length;
                    return false;
                }
                if (!Fold(slots, slot, image.Length))
                {
                    problem = "slot " + Name(slot) + " ended before its recorded length";
                    return false;
                }
            }
            catch (IOException e)
            {
                problem = "slot " + Name(slot) + " could not be read: " + e.Message;
                return false;
            }
            _fold.CopyDigest(_digest, 0);
            if (ConstantTime.AreEqual(_digest, 0, image.Digest, 0, DigestKeys.DigestSize)) return true;
            problem = "slot " + Name(slot) + " does not have its image's digest; the image is damaged";
            return false;
        }

        private bool Fold(ISlotStore slots, SlotId slot, long length)
        {
            _fold.Reset();
            Stream stream = slots.OpenRead(slot);
            try
            {
                long remaining = length;
                while (remaining > 0)
                {
                    int want = remaining < ArtifactLayout.ChunkSize ? (int)remaining : ArtifactLayout.ChunkSize;
                    int got = 0;
                    while (got < want)
                    {
                        int read = stream.Read(_buffer, got, want - got);
                        if (read <= 0) return false;
                        got += read;
                    }
                    _fold.AddChunk(_buffer, 0, want);
                    remaining -= want;
                }
                return true;
            }
            finally
            {
                stream.Dispose();
            }
        }

        /// <summary>"A" or "B" for messages (no Enum.ToString on the device).</summary>
        public static string Name(SlotId slot)
        {
            if (slot == SlotId.A) return "A";
            if (slot == SlotId.B) return "B";
            return "none";
        }
    }
}
