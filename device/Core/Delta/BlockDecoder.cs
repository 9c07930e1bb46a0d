namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A block (docs/PROTOCOL.md section 11a.5): its seek, its copy length and its copy run, whose edits
    /// <see cref="CopyRunDecoder"/> applies. The seek delta and the copy length are decoded inline, the bit
    /// buffer in locals (a call per number, with its field traffic, cost the interpreter more than the
    /// number). Every offset and length is checked against the base and the segment before it is used.
    /// </summary>
    internal sealed class BlockDecoder
    {
        private const int OtherMask = (1 << PatchFormat.OtherCodeBits) - 1;
        private const int CopyLengthTable = (1 << PatchFormat.MainCodeBits) + ((PatchFormat.TableCopyLength - 1) << PatchFormat.OtherCodeBits);
        private const int SeekTable = (1 << PatchFormat.MainCodeBits) + ((PatchFormat.TableSeek - 1) << PatchFormat.OtherCodeBits);

        private readonly BitReader _bits;
        private readonly HuffmanTables _tables;
        private readonly EditPredictor _predictor;
        private readonly CopyRunDecoder _copy;
        private int _oldSize;
        private int _oldPosition;

        public BlockDecoder(BitReader bits, HuffmanTables tables, EditPredictor predictor, OutputWindow window)
        {
            _bits = bits;
            _tables = tables;
            _predictor = predictor;
            _copy = new CopyRunDecoder(bits, tables, predictor, window);
        }

        /// <summary>Blocks decoded since <see cref="Start"/>.</summary>
        public long Blocks;

        /// <summary>Seek numbers decoded since <see cref="Start"/>.</summary>
        public long Seeks;

        /// <summary>Symbols the copy runs decoded (edits, their ends, values, long gaps).</summary>
        public long RunSymbols { get { return _copy.Symbols; } }

        public void Start(IBaseImage baseImage)
        {
            _oldSize = baseImage.Length;
            Blocks = Seeks = 0;
            _copy.Start(baseImage);
        }

        /// <summary>A segment starts: the old cursor is 0 and the edit context the first.</summary>
        public void StartSegment()
        {
            _oldPosition = 0;
            _copy.ResetContext();
        }

        public void CopyStatistics(PatchStatistics statistics)
        {
            statistics.Blocks = Blocks;
            _copy.CopyStatistics(statistics);
        }

        /// <summary>A block with seek choice <paramref name="choice"/> at <paramref name="newPosition"/>; returns the new position.</summary>
        public int Decode(int choice, int newPosition, int end)
        {
            Blocks++;
            int[] displacements = _predictor.Displacements;
            ushort[] entries = _tables.Entries;
            BitReader r = _bits;
            uint bits = r.Bits;
            int count = r.Count;
            int oldStart;
            if (choice <= 4)
            {
                // Int arithmetic is exact here: a displacement lies within ±16 MiB, as do the positions.
                if (choice == 0) oldStart = newPosition + displacements[0];
                else if (choice == 1) oldStart = _oldPosition;
                else oldStart = newPosition + displacements[choice - 1];
                if ((uint)oldStart > (uint)_oldSize)
                    throw new PatchDataException(PatchError.OldRangeOutOfBounds, "a block seeks to old offset " + oldStart + ", outside the " + _oldSize + "-byte base image.");
            }
            else
            {
                // The seek delta: a symbol of the signed seek table, sign * 119 + number code of magnitude - 1.
                if (count < 16)
                {
                    // The refill's common case inline: two bytes.
                    int position = r.InputPosition;
                    if (position + 2 <= r.InputLength)
                    {
                        byte[] input = r.Input;
                        bits = (bits << 16) | (uint)(input[position] << 8) | input[position + 1];
                        r.InputPosition = position + 2;
                        count += 16;
                    }
                    else
                    {
                        r.Bits = bits;
                        r.Count = count;
                        r.Refill();
                        bits = r.Bits;
                        count = r.Count;
                    }
                }
                int entry = entries[SeekTable + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & OtherMask)];
                if (entry == 0)
                    throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                count -= entry & 15;
                int code = entry >> 4;
                int extra = BitReader.SignedExtra[code];
                int delta;
                if (extra <= count)
                {
                    count -= extra;
                    delta = (BitReader.SignedBase[code] + ((int)(bits >> count) & ((1 << extra) - 1))) ^ BitReader.SignedFlip[code];
                }
                else
                {
                    r.Bits = bits;
                    r.Count = count;
                    delta = (BitReader.SignedBase[code] + r.ReadBits(extra)) ^ BitReader.SignedFlip[code];
                    bits = r.Bits;
                    count = r.Count;
                }
                Seeks++;
                // A seek delta may be anything: summed as a long, then range-checked.
                long target = (choice == 5 ? _oldPosition : (long)newPosition + displacements[choice - 5]) + delta;
                if (target < 0 || target > _oldSize)
                    throw new PatchDataException(PatchError.OldRangeOutOfBounds, "a block seeks to old offset " + target + ", outside the " + _oldSize + "-byte base image.");
                oldStart = (int)target;
            }
            if (choice != 0)
            {
                // Move to front (11a.5): the first equal entry, or the last, leaves; those before it move up.
                int displacement = oldStart - newPosition;
                if (displacements[0] != displacement)
                {
                    if (displacements[1] != displacement)
                    {
                        if (displacements[2] != displacement) displacements[3] = displacements[2];
                        displacements[2] = displacements[1];
                    }
                    displacements[1] = displacements[0];
                    displacements[0] = displacement;
                }
            }
            // The copy length: a symbol of the copy length table, a number code.
            if (count < 16)
            {
                // The refill's common case inline: two bytes.
                int position = r.InputPosition;
                if (position + 2 <= r.InputLength)
                {
                    byte[] input = r.Input;
                    bits = (bits << 16) | (uint)(input[position] << 8) | input[position + 1];
                    r.InputPosition = position + 2;
                    count += 16;
                }
                else
                {
                    r.Bits = bits;
                    r.Count = count;
                    r.Refill();
                    bits = r.Bits;
                    count = r.Count;
                }
            }
            int lengthEntry = entries[CopyLengthTable + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & OtherMask)];
            if (lengthEntry == 0)
                throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
            count -= lengthEntry & 15;
            int lengthCode = lengthEntry >> 4;
            int lengthExtra = BitReader.NumberExtra[lengthCode];
            int length;
            if (lengthExtra <= count)
            {
                count -= lengthExtra;
                length = BitReader.NumberBase[lengthCode] + ((int)(bits >> count) & ((1 << lengthExtra) - 1));
                r.Bits = bits;
                r.Count = count;
            }
            else
            {
                r.Bits = bits;
                r.Count = count;
                length = BitReader.NumberBase[lengthCode] + r.ReadBits(lengthExtra);
            }
            if (length == 0)
                throw new PatchDataException(PatchError.EmptyBlock, "a block at new offset " + newPosition + " copies no byte.");
            if (length > end - newPosition)
                throw new PatchDataException(PatchError.WritesPastEnd, "a copy run of " + length + " bytes at new offset " + newPosition +
                    " runs past its segment, which ends at " + end + ".");
            if (length > _oldSize - oldStart)
                throw new PatchDataException(PatchError.OldRangeOutOfBounds, "a copy run of " + length + " bytes from old offset " + oldStart +
                    " reads past the end of the " + _oldSize + "-byte base image.");
            _oldPosition = oldStart + length;
            _copy.Run(oldStart, newPosition, length);
            return newPosition + length;
        }
    }
}
