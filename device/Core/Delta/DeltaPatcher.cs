using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Applies a delta patch (docs/PROTOCOL.md section 11a) in one forward pass: it pulls the patch
    /// once from an <see cref="IPatchSource"/>, reads the base image (the active slot) at random offsets
    /// and writes the new image sequentially to an <see cref="ITargetImage"/> (the inactive slot).
    /// Its working memory, <see cref="WorkingMemoryBytes"/>, is allocated in the constructor and reused
    /// for every patch whatever the image size; applying allocates nothing. Unchanged bytes are read
    /// from the base straight into the output buffer; managed per-byte work is spent only on literal
    /// bytes and on the few bytes each edit adds into. A malformed patch gives a typed
    /// <see cref="PatchFailure"/> after at most one block per output byte. The output is not yet
    /// trusted: the caller checks the signed image digest before it stages the slot.
    /// </summary>
    public sealed class DeltaPatcher
    {
        /// <summary>Bytes of each <see cref="ITargetImage.Write"/> but the last, which starts at a multiple of it.</summary>
        public const int OutputChunkSize = OutputWindow.ChunkSize;

        /// <summary>Every byte the patcher holds between calls: model, output window, input buffer.</summary>
        public const int WorkingMemoryBytes = PatchModel.WorkingMemoryBytes + OutputWindow.Capacity + RangeDecoder.InputBufferSize;

        private readonly PatchModel _model = new PatchModel();
        private readonly RangeDecoder _decoder = new RangeDecoder();
        private readonly OutputWindow _window = new OutputWindow();
        private readonly PatchSymbolDecoder _symbols;
        private readonly PatchStatistics _statistics = new PatchStatistics();
        private IBaseImage _base;
        private int _oldSize;
        private int _newSize;

        public DeltaPatcher()
        {
            _symbols = new PatchSymbolDecoder(_decoder, _model);
        }

        /// <summary>Counts of the last <see cref="TryApply"/>, complete or not.</summary>
        public PatchStatistics Statistics { get { return _statistics; } }

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
            failure = null;
            _base = baseImage;
            _statistics.Clear();
            _model.Reset();
            _decoder.Attach(patch);
            _window.Attach(target);
            try
            {
                ReadHeader();
                _decoder.Start();
                DecodeBlocks();
                _window.FlushAll();
                _decoder.Finish();
                return true;
            }
            catch (PatchDataException e)
            {
                failure = new PatchFailure(e.Error, e.Message);
                return false;
            }
            finally
            {
                _statistics.OutputBytes = _window.Start;
                _statistics.PatchBytes = _decoder.BytesConsumed;
                _statistics.DecodedBits = _decoder.BitCount;
                _base = null;
            }
        }

        private void ReadHeader()
        {
            for (int i = 0; i < PatchFormat.Magic.Length; i++)
            {
                if (_decoder.ReadRawByte() != PatchFormat.Magic[i])
                    throw new PatchDataException(PatchError.BadMagic, "the data does not start with the patch magic \"SODP\"; it is not a delta patch.");
            }
            int version = _decoder.ReadRawByte();
            int reserved = _decoder.ReadRawByte() | _decoder.ReadRawByte() | _decoder.ReadRawByte();
            if (version != PatchFormat.Version || reserved != 0)
                throw new PatchDataException(PatchError.UnsupportedVersion, "the patch has format version " + version +
                    (reserved != 0 ? " with reserved bytes set" : "") + "; this device applies version " + PatchFormat.Version + ". Use the full image.");
            uint oldSize = ReadSize();
            uint newSize = ReadSize();
            if (oldSize > PatchFormat.MaxImageSize || newSize > PatchFormat.MaxImageSize)
                throw new PatchDataException(PatchError.ImageTooLarge, "the patch declares an old size of " + oldSize + " and a new size of " + newSize +
                    " bytes; images are limited to " + PatchFormat.MaxImageSize + " bytes.");
            if (oldSize != (uint)_base.Length)
                throw new PatchDataException(PatchError.BaseMismatch, "the patch was made for a base image of " + oldSize + " bytes, but the running image has " +
                    _base.Length + " bytes; it applies to another release. Use the full image.");
            _oldSize = (int)oldSize;
            _newSize = (int)newSize;
        }

        private uint ReadSize()
        {
            uint value = 0;
            for (int i = 0; i < 4; i++) value = (value << 8) | (uint)_decoder.ReadRawByte();
            return value;
        }

        /// <summary>Blocks until the new image is complete: seek, copy run with its edits, literal run.</summary>
        private void DecodeBlocks()
        {
            int newPosition = 0;
            int oldPosition = 0;
            while (newPosition < _newSize)
            {
                _statistics.Blocks++;
                oldPosition = Seek(oldPosition, newPosition);
                int copy = _symbols.DecodeCopyLength();
                if (copy > _newSize - newPosition)
                    throw new PatchDataException(PatchError.WritesPastEnd, "a copy run of " + copy + " bytes at new offset " + newPosition +
                        " would write past the declared new size " + _newSize + ".");
                if (copy > _oldSize - oldPosition)
                    throw new PatchDataException(PatchError.OldRangeOutOfBounds, "a copy run of " + copy + " bytes from old offset " + oldPosition +
                        " reads past the end of the " + _oldSize + "-byte base image.");
                CopyRun(oldPosition, newPosition, copy);
                newPosition += copy;
                oldPosition += copy;
                if (newPosition == _newSize) break;
                int literal = _symbols.DecodeLiteralLength();
                if (literal > _newSize - newPosition)
                    throw new PatchDataException(PatchError.WritesPastEnd, "a literal run of " + literal + " bytes at new offset " + newPosition +
                        " would write past the declared new size " + _newSize + ".");
                if (copy == 0 && literal == 0)
                    throw new PatchDataException(PatchError.EmptyBlock, "a block at new offset " + newPosition + " neither copies nor inserts a byte.");
                LiteralRun(literal);
                newPosition += literal;
            }
        }

        /// <summary>Decodes where the block's copy run starts in the base image and checks it lies in it.</summary>
        private int Seek(int oldPosition, int newPosition)
        {
            int choice = _symbols.DecodeSeekChoice();
            long target;
            if (choice == PatchModel.SeekKeepDisplacement) target = (long)newPosition + _model.Displacement(0);
            else if (choice == PatchModel.SeekKeepCursor) target = oldPosition;
            else if (choice <= PatchModel.SeekRecent3) target = (long)newPosition + _model.Displacement(choice - PatchModel.SeekRecent1 + 1);
            else if (choice == PatchModel.SeekCursorDelta) target = oldPosition + _symbols.DecodeSeekDelta(choice);
            else target = (long)newPosition + _model.Displacement(choice - PatchModel.SeekRecent1Delta + 1) + _symbols.DecodeSeekDelta(choice);
            if (target < 0 || target > _oldSize)
                throw new PatchDataException(PatchError.OldRangeOutOfBounds, "a block seeks to old offset " + target + ", outside the " + _oldSize + "-byte base image.");
            int position = (int)target;
            if (choice != PatchModel.SeekKeepDisplacement) _model.UseDisplacement(position - newPosition);
            return position;
        }

        /// <summary>
        /// Reads <paramref name="length"/> base bytes into the window in as few reads as the buffer allows,
        /// applying each edit once its four bytes (or the rest of the run) are loaded.
        /// </summary>
        private void CopyRun(int oldStart, int newStart, int length)
        {
            if (length == 0) return;
            int loaded = 0;
            int next = _symbols.DecodeEditFollows() ? NextEdit(0, length) : -1;
            // Minimums by plain comparison, not Math.Min: System.Math is a nanoFramework package of its
            // own that the core does not reference, and an interpreted call costs more than a branch.
            while (true)
            {
                int needed = next < 0 || next + PatchFormat.EditWidth > length ? length : next + PatchFormat.EditWidth;
                while (loaded < needed)
                {
                    // A full window holds the whole first chunk and no byte of a pending edit lies in it
                    // (else the edit's word would be loaded already), so the chunk can be written.
                    if (_window.Fill == OutputWindow.Capacity) _window.FlushFullChunk();
                    int count = length - loaded;
                    if (count > OutputWindow.Capacity - _window.Fill) count = OutputWindow.Capacity - _window.Fill;
                    _base.Read(oldStart + loaded, _window.Buffer, _window.Fill, count);
                    _window.Fill += count;
                    loaded += count;
                    _statistics.CopiedBytes += count;
                    _statistics.BaseReads++;
                }
                if (next < 0) return;
                ApplyEdit(newStart, next, length);
                int from = next + 1;
                next = from < length && _symbols.DecodeEditFollows() ? NextEdit(from, length) : -1;
            }
        }

        private int NextEdit(int from, int length)
        {
            int gap = _symbols.DecodeGap();
            if (gap >= length - from)
                throw new PatchDataException(PatchError.EditOutsideRun, "an edit " + gap + " bytes after run offset " + from +
                    " lies outside its copy run of " + length + " bytes.");
            return from + gap;
        }

        /// <summary>Adds the decoded value into the little-endian word at the edit, cut at the run's end.</summary>
        private void ApplyEdit(int newStart, int offset, int length)
        {
            byte[] buffer = _window.Buffer;
            int index = newStart + offset - _window.Start;
            int width = length - offset < PatchFormat.EditWidth ? length - offset : PatchFormat.EditWidth;
            int previous = _window.ByteBefore(index);
            int following = offset + 1 < length ? buffer[index + 1] : 0;
            _model.PrepareEdit(previous, following);
            int value = _symbols.DecodeEditValue((newStart + offset) & 3);
            _model.CompleteEdit(previous, following, value);
            uint add = (uint)value;
            uint carry = 0;
            for (int k = 0; k < width; k++)
            {
                uint sum = buffer[index + k] + (add & 0xFF) + carry;
                buffer[index + k] = (byte)sum;
                carry = sum >> 8;
                add >>= 8;
            }
            _statistics.Edits++;
            _statistics.EditedBytes += width;
        }

        private void LiteralRun(int length)
        {
            byte[] buffer = _window.Buffer;
            for (int i = 0; i < length; i++)
            {
                _window.FlushFullChunk();
                int fill = _window.Fill;
                buffer[fill] = (byte)_symbols.DecodeLiteral(_window.ByteBefore(fill));
                _window.Fill = fill + 1;
            }
            _statistics.LiteralBytes += length;
        }
    }
}
