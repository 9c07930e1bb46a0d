using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Applies a delta patch (docs/PROTOCOL.md section 11a, format version 4) in one forward pass: it
    /// pulls the patch once from an <see cref="IPatchSource"/>, reads the base image (the active slot)
    /// at random offsets and writes the new image sequentially to an <see cref="ITargetImage"/> (the
    /// inactive slot). Every symbol is one lookup in a segment's Huffman table; unchanged bytes are read
    /// from the base straight into the output buffer, and repeats inside the new image move by
    /// Array.Copy, so managed per-byte work is spent only on literal bytes and the bytes an edit adds
    /// into. Its working memory, <see cref="WorkingMemoryBytes"/>, is allocated in the constructor;
    /// applying allocates nothing. A malformed patch gives a typed <see cref="PatchFailure"/>. The output
    /// is not yet trusted: the caller checks the signed image digest before it stages the slot.
    /// </summary>
    public sealed class DeltaPatcher
    {
        /// <summary>Bytes of each <see cref="ITargetImage.Write"/> but the last, which starts at a multiple of it.</summary>
        public const int OutputChunkSize = OutputWindow.ChunkSize;

        /// <summary>Every byte the patcher holds between calls: code tables, predictions, output window, input buffer.</summary>
        public const int WorkingMemoryBytes = HuffmanTables.WorkingMemoryBytes + EditPredictor.WorkingMemoryBytes + OutputWindow.Capacity + BitReader.InputBufferSize;

        private readonly BitReader _bits = new BitReader();
        private readonly HuffmanTables _tables = new HuffmanTables();
        private readonly EditPredictor _predictor = new EditPredictor();
        private readonly OutputWindow _window = new OutputWindow();
        private readonly PatchStatistics _statistics = new PatchStatistics();
        private readonly SegmentDecoder _segment;
        private IBaseImage _base;

        public DeltaPatcher()
        {
            _segment = new SegmentDecoder(_bits, _tables, _predictor, _window);
        }

        /// <summary>Counts of the last <see cref="TryApply"/>, complete or not.</summary>
        public PatchStatistics Statistics { get { return _statistics; } }

        /// <summary>Told at every segment start (null: nobody); set before <see cref="TryApply"/>.</summary>
        public ISegmentBoundaryHandler Boundaries;

        /// <summary>The new size the patch's header declared (0 before the header was read).</summary>
        public int NewSize;

        /// <summary>
        /// Applies <paramref name="patch"/> to <paramref name="baseImage"/>, writing the new image to
        /// <paramref name="target"/>. Returns false with <paramref name="failure"/> set when the patch is
        /// malformed or made for a base of another size; the target then holds a partial image to discard.
        /// Exceptions of the three seams (I/O) pass through unchanged.
        /// </summary>
        public bool TryApply(IPatchSource patch, IBaseImage baseImage, ITargetImage target, out PatchFailure failure)
        {
            if (patch == null) throw new ArgumentNullException("patch");
            if (baseImage == null) throw new ArgumentNullException("baseImage");
            if (target == null) throw new ArgumentNullException("target");
            NewSize = 0;
            return Run(patch, baseImage, target, 0, 0, 0, out failure);
        }

        /// <summary>
        /// Continues an interrupted <see cref="TryApply"/> from a segment boundary its <see cref="Boundaries"/>
        /// handler was told of: <paramref name="patch"/> delivers the patch from <paramref name="patchOffset"/>,
        /// <paramref name="target"/> receives the new image from <paramref name="newPosition"/> (a multiple of
        /// 4096), <paramref name="byteBefore"/> is the new byte before it, <paramref name="newSize"/> the size
        /// the header declared, and <paramref name="baseImage"/> the same base.
        /// </summary>
        public bool TryResume(IPatchSource patch, IBaseImage baseImage, ITargetImage target, int newSize, long patchOffset, int newPosition, int byteBefore,
            out PatchFailure failure)
        {
            if (patch == null) throw new ArgumentNullException("patch");
            if (baseImage == null) throw new ArgumentNullException("baseImage");
            if (target == null) throw new ArgumentNullException("target");
            if (patchOffset <= 0 || newPosition < 0 || newPosition >= newSize || newPosition % OutputWindow.ChunkSize != 0 || newSize > PatchFormat.MaxImageSize)
                throw new ArgumentOutOfRangeException("newPosition", "a patch resumes at a segment boundary inside the image, after its header");
            NewSize = newSize;
            return Run(patch, baseImage, target, patchOffset, newPosition, byteBefore, out failure);
        }

        private bool Run(IPatchSource patch, IBaseImage baseImage, ITargetImage target, long patchOffset, int newPosition, int byteBefore, out PatchFailure failure)
        {
            failure = null;
            _base = baseImage;
            _statistics.Clear();
            _bits.Attach(patch, patchOffset);
            _window.Attach(target, newPosition, byteBefore);
            long segments = 0;
            try
            {
                int newSize = patchOffset == 0 ? ReadHeader() : NewSize;
                NewSize = newSize;
                _segment.Start(baseImage);
                while (newPosition < newSize)
                {
                    newPosition = DecodeSegment(newPosition, newSize);
                    segments++;
                }
                _window.FlushAll();
                _bits.Finish();
                return true;
            }
            catch (PatchDataException e)
            {
                failure = new PatchFailure(e.Error, e.Message);
                return false;
            }
            finally
            {
                _segment.CopyStatistics(_statistics);
                _statistics.Segments = segments;
                _statistics.OutputBytes = _window.Start + _window.Fill;
                _statistics.PatchBytes = _bits.BytesConsumed;
                _base = null;
            }
        }

        /// <summary>Reads the header and returns the new size.</summary>
        private int ReadHeader()
        {
            for (int i = 0; i < PatchFormat.Magic.Length; i++)
            {
                if (_bits.ReadRawByte() != PatchFormat.Magic[i])
                    throw new PatchDataException(PatchError.BadMagic, "the data does not start with the patch magic \"SODP\"; it is not a delta patch.");
            }
            int version = _bits.ReadRawByte();
            int reserved = _bits.ReadRawByte() | _bits.ReadRawByte() | _bits.ReadRawByte();
            if (version != PatchFormat.Version || reserved != 0)
                throw new PatchDataException(PatchError.UnsupportedVersion, "the patch has format version " + version +
                    (reserved != 0 ? " with reserved bytes set" : "") + "; this device applies version " + PatchFormat.Version + ". Use the full image.");
            uint oldSize = ReadU32(true);
            uint newSize = ReadU32(true);
            if (oldSize > PatchFormat.MaxImageSize || newSize > PatchFormat.MaxImageSize)
                throw new PatchDataException(PatchError.ImageTooLarge, "the patch declares an old size of " + oldSize + " and a new size of " + newSize +
                    " bytes; images are limited to " + PatchFormat.MaxImageSize + " bytes.");
            if (oldSize != (uint)_base.Length)
                throw new PatchDataException(PatchError.BaseMismatch, "the patch was made for a base image of " + oldSize + " bytes, but the running image has " +
                    _base.Length + " bytes; it applies to another release. Use the full image.");
            return (int)newSize;
        }

        /// <summary>Reads a segment header, checks it and decodes the segment; returns the new position.</summary>
        private int DecodeSegment(int newPosition, int newSize)
        {
            // A boundary falls on a chunk's end: hand the chunk to the target now, so it holds all before it.
            _window.FlushFullChunk();
            if (Boundaries != null) Boundaries.SegmentStarts(_bits.BytesConsumed, newPosition, _window.ByteBefore(0));
            uint length = ReadU32(false);
            uint coded = ReadU32(false);
            if (length == 0 || length > (uint)(newSize - newPosition))
                throw new PatchDataException(PatchError.BadSegment, "a segment at new offset " + newPosition + " declares " + length +
                    " new bytes; 1 to " + (newSize - newPosition) + " remain.");
            if (length % PatchFormat.SegmentAlignment != 0 && length != (uint)(newSize - newPosition))
                throw new PatchDataException(PatchError.BadSegment, "a segment at new offset " + newPosition + " declares " + length +
                    " new bytes, which is neither a multiple of " + PatchFormat.SegmentAlignment + " nor the rest of the image.");
            if (coded > PatchFormat.MaxImageSize * 2u)
                throw new PatchDataException(PatchError.BadSegment, "a segment declares " + coded + " coded bytes, more than any patch may hold.");
            _bits.BeginSegment((int)coded);
            _tables.Read(_bits);
            int end = newPosition + (int)length;
            _segment.Decode(newPosition, end);
            _bits.EndSegment();
            return end;
        }

        private uint ReadU32(bool bigEndian)
        {
            uint value = 0;
            for (int i = 0; i < 4; i++)
            {
                uint b = (uint)_bits.ReadRawByte();
                value = bigEndian ? (value << 8) | b : value | (b << (8 * i));
            }
            return value;
        }
    }
}
