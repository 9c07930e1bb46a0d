using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Decodes the commands of one segment (docs/PROTOCOL.md section 11a.5) into the output window:
    /// literal runs in an inlined table-lookup loop that also copies the short matches (most matches)
    /// lying in the window's chunk, other matches and fills by Array.Copy, and blocks
    /// (<see cref="BlockDecoder"/>) that copy a run of the base image and add edits into it. Every length
    /// and offset is checked against the segment, the window and the base before it is used.
    /// </summary>
    internal sealed class SegmentDecoder
    {
        private const int MainMask = (1 << PatchFormat.MainCodeBits) - 1;
        private const int OtherMask = (1 << PatchFormat.OtherCodeBits) - 1;

        /// <summary>Main table entries from here on are not literals: block and match symbols, and no code at all.</summary>
        private const int NonLiteral = PatchFormat.BlockSymbol << 4;

        /// <summary>Main table entries of the match symbols whose length needs no extra bits (3 to 9 bytes): from ShortMatchEntry to LongMatchEntry.</summary>
        private const int ShortMatchEntry = PatchFormat.MatchSymbol << 4;
        private const int LongMatchEntry = (PatchFormat.MatchSymbol + 7) << 4;

        /// <summary>The literal loop's exit with a short match it decoded but did not copy (above every table entry).</summary>
        private const int DecodedMatch = 0x10000;

        private const int DistanceTable = (1 << PatchFormat.MainCodeBits) + ((PatchFormat.TableDistance - 1) << PatchFormat.OtherCodeBits);

        private readonly BitReader _bits;
        private readonly HuffmanTables _tables;
        private readonly EditPredictor _predictor;
        private readonly OutputWindow _window;
        private readonly BlockDecoder _block;
        private long _matches;
        private long _matched;
        /// <summary>Where this application started, and how far its commands have got (-1: no segment yet).</summary>
        private int _outputStart;
        private int _position;

        // The segment's three most recent match distances (fills aside), most recent first; 0: none yet.
        private int _distance0;
        private int _distance1;
        private int _distance2;

        public SegmentDecoder(BitReader bits, HuffmanTables tables, EditPredictor predictor, OutputWindow window)
        {
            _bits = bits;
            _tables = tables;
            _predictor = predictor;
            _window = window;
            _block = new BlockDecoder(bits, tables, predictor, window);
        }

        public void Start(IBaseImage baseImage)
        {
            _matches = _matched = 0;
            _outputStart = -1;
            _position = 0;
            _block.Start(baseImage);
        }

        public void CopyStatistics(PatchStatistics statistics)
        {
            _block.CopyStatistics(statistics);
            // Every byte up to _position came from a copy run, a match or a literal: counting literals
            // per loop exit would cost the decoder's hottest path.
            long literals = _outputStart < 0 ? 0 : _position - _outputStart - statistics.CopiedBytes - _matched;
            statistics.LiteralBytes = literals;
            statistics.MatchedBytes = _matched;
            // Literals, block and match symbols, copy lengths, distances, seeks, the copy runs' symbols.
            statistics.DecodedSymbols = literals + 2 * _block.Blocks + 2 * _matches + _block.Seeks + _block.RunSymbols;
        }

        /// <summary>Decodes commands until the new image reaches <paramref name="end"/>, starting from a cleared state.</summary>
        public void Decode(int newPosition, int end)
        {
            _predictor.Reset();
            _block.StartSegment();
            _distance0 = _distance1 = _distance2 = 0;
            if (_outputStart < 0) _outputStart = newPosition;
            ushort[] main = _tables.Entries;
            OutputWindow window = _window;
            byte[] buffer = window.Buffer;
            BitReader r = _bits;
            byte[] input = r.Input;
            // A match the literal loop decoded but left for Match (set before every exit that uses them).
            int matchLength = 0;
            int distance = 0;
            while (newPosition < end)
            {
                int fill = window.Fill;
                if (fill >= OutputWindow.ChunkSize)
                {
                    window.FlushFullChunk();
                    fill = window.Fill;
                }
                int stop = end - newPosition + fill;
                if (stop > OutputWindow.ChunkSize) stop = OutputWindow.ChunkSize;
                // The new offset of buffer[0]: short matches keep the statistics' position with it.
                int windowStart = newPosition - fill;
                // Literals: one table lookup each, the bit buffer in locals, its refill inline.
                int inputPosition = r.InputPosition;
                // The inline refill's test against a local: the input buffer's length changes only in the calls.
                int refillLimit = r.InputLength - 2;
                uint bits = r.Bits;
                int count = r.Count;
                int entry;
                while (true)
                {
                    if (count < PatchFormat.MainCodeBits)
                    {
                        if (inputPosition <= refillLimit)
                        {
                            bits = (bits << 16) | (uint)(input[inputPosition] << 8) | input[inputPosition + 1];
                            inputPosition += 2;
                            count += 16;
                        }
                        else
                        {
                            r.Bits = bits;
                            r.Count = count;
                            r.InputPosition = inputPosition;
                            r.Refill();
                            bits = r.Bits;
                            count = r.Count;
                            inputPosition = r.InputPosition;
                            refillLimit = r.InputLength - 2;
                        }
                    }
                    // Blocks, matches and bit patterns of no code (HuffmanTables.NoMainCode) all lie from NonLiteral on.
                    entry = main[(int)(bits >> (count - PatchFormat.MainCodeBits)) & MainMask];
                    if (entry >= NonLiteral)
                    {
                        if (entry < ShortMatchEntry || entry >= LongMatchEntry) break;
                        // A match of 3 to 9 bytes (most matches): decoded here, and copied here when it lies in
                        // the window's chunk, without leaving the loop (a call and the loop's set-up cost more
                        // than the copy on the interpreter). Anything else leaves with its length and distance.
                        count -= entry & 15;
                        matchLength = (entry >> 4) - (PatchFormat.MatchSymbol - PatchFormat.MinMatch);
                        if (count < 16)
                        {
                            if (inputPosition <= refillLimit)
                            {
                                bits = (bits << 16) | (uint)(input[inputPosition] << 8) | input[inputPosition + 1];
                                inputPosition += 2;
                                count += 16;
                            }
                            else
                            {
                                r.Bits = bits;
                                r.Count = count;
                                r.InputPosition = inputPosition;
                                r.Refill();
                                bits = r.Bits;
                                count = r.Count;
                                inputPosition = r.InputPosition;
                                refillLimit = r.InputLength - 2;
                            }
                        }
                        int distanceEntry = main[DistanceTable + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & OtherMask)];
                        if (distanceEntry == 0)
                            throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                        count -= distanceEntry & 15;
                        int symbol = distanceEntry >> 4;
                        if (symbol < 7) distance = symbol + 1;
                        else if (symbol < PatchFormat.NumberCodes)
                        {
                            int extra = BitReader.NumberExtra[symbol];
                            if (extra <= count)
                            {
                                count -= extra;
                                distance = BitReader.NumberBase[symbol] + ((int)(bits >> count) & ((1 << extra) - 1)) + 1;
                            }
                            else
                            {
                                r.Bits = bits;
                                r.Count = count;
                                r.InputPosition = inputPosition;
                                distance = BitReader.NumberBase[symbol] + r.ReadBits(extra) + 1;
                                bits = r.Bits;
                                count = r.Count;
                                inputPosition = r.InputPosition;
                                refillLimit = r.InputLength - 2;
                            }
                        }
                        else if (symbol == PatchFormat.NumberCodes) distance = _distance0;
                        else distance = symbol == PatchFormat.NumberCodes + 1 ? _distance1 : _distance2;
                        // Not a fill (distance 1) nor a recent distance still 0, from inside the window (the new image
                        // before the match), and within the chunk and the segment: else Match checks and copies it.
                        if (distance < 2 || distance > fill || matchLength > stop - fill)
                        {
                            entry = DecodedMatch;
                            break;
                        }
                        _matches++;
                        _matched += matchLength;
                        if (distance != _distance0)
                        {
                            if (distance != _distance1) _distance2 = _distance1;
                            _distance1 = _distance0;
                            _distance0 = distance;
                        }
                        // Overlapping (distance below the length): doubles per native call, as in Match.
                        int from = fill - distance;
                        int piece = distance;
                        int left = matchLength;
                        while (piece < left)
                        {
                            Array.Copy(buffer, from, buffer, fill, piece);
                            fill += piece;
                            left -= piece;
                            piece += piece;
                        }
                        Array.Copy(buffer, from, buffer, fill, left);
                        fill += left;
                        _position = windowStart + fill;
                        if (fill == stop)
                        {
                            entry = 0;
                            break;
                        }
                        continue;
                    }
                    count -= entry & 15;
                    buffer[fill++] = (byte)(entry >> 4);
                    if (fill == stop) break;
                }
                r.InputPosition = inputPosition;
                r.Bits = bits;
                newPosition += fill - window.Fill;
                window.Fill = fill;
                if (entry < NonLiteral)
                {
                    // The chunk or the segment is full: the last literal or match was taken.
                    r.Count = count;
                    continue;
                }
                if (entry == DecodedMatch)
                {
                    r.Count = count;
                    newPosition = _position = Match(matchLength, distance, newPosition, end);
                    continue;
                }
                int length = entry & 15;
                if (length == 0)
                    throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                r.Count = count - length;
                int command = entry >> 4;
                // _position: how far the statistics count literals (see CopyStatistics); it moves with each
                // block and match, whose bytes are counted as they end, so the counts agree after a failure too.
                if (command < PatchFormat.MatchSymbol) newPosition = _position = _block.Decode(command - PatchFormat.BlockSymbol, newPosition, end);
                else
                {
                    int longLength = ReadNumber(command - PatchFormat.MatchSymbol) + PatchFormat.MinMatch;
                    newPosition = _position = Match(longLength, ReadDistance(), newPosition, end);
                }
            }
            _position = newPosition;
        }

        /// <summary>A match's distance (section 11a.5): a symbol of the distance table, a number + 1 or a recent distance.</summary>
        private int ReadDistance()
        {
            int symbol = _bits.Decode(_tables.Entries, DistanceTable, PatchFormat.OtherCodeBits);
            if (symbol < PatchFormat.NumberCodes) return ReadNumber(symbol) + 1;
            if (symbol == PatchFormat.NumberCodes) return _distance0;
            return symbol == PatchFormat.NumberCodes + 1 ? _distance1 : _distance2;
        }

        /// <summary>
        /// A decoded copy of the new image's own bytes from any earlier offset: a fill (distance 1) repeats
        /// the byte before; a match inside the window's chunk copies from its origin, doubling while it
        /// overlaps itself; others go piece by piece (<see cref="OutputWindow.AppendEarlier"/>).
        /// </summary>
        private int Match(int length, int distance, int newPosition, int end)
        {
            _matches++;
            if (length > end - newPosition || length < 0)
                throw new PatchDataException(PatchError.WritesPastEnd, "a match of " + length + " bytes at new offset " + newPosition +
                    " runs past its segment, which ends at " + end + ".");
            OutputWindow window = _window;
            if (distance == 1)
            {
                window.AppendFill(length);
                _matched += length;
                return newPosition + length;
            }
            // Distance 0 (a recent distance not set yet) wraps to the largest unsigned value: refused too.
            if ((uint)(distance - 1) >= (uint)newPosition)
                throw new PatchDataException(PatchError.MatchOutOfWindow, "a match at new offset " + newPosition + " copies from " + distance +
                    " bytes back, before the start of the new image; the patch is corrupted.");
            // Move to front among the recent distances.
            if (distance != _distance0)
            {
                if (distance != _distance1) _distance2 = _distance1;
                _distance1 = _distance0;
                _distance0 = distance;
            }
            _matched += length;
            int fill = window.Fill;
            int from = newPosition - distance - window.Start;
            if (from < 0 || fill + length > OutputWindow.ChunkSize)
            {
                window.AppendEarlier(newPosition - distance, distance, length);
                return newPosition + length;
            }
            // buffer[from, to) repeats with period distance and its length is a multiple of it: each copy
            // may take all of it (no overlap), so an overlapping match doubles per native call.
            byte[] buffer = window.Buffer;
            int to = fill;
            int left = length;
            int piece = to - from;
            while (piece < left)
            {
                Array.Copy(buffer, from, buffer, to, piece);
                to += piece;
                left -= piece;
                piece += piece;
            }
            Array.Copy(buffer, from, buffer, to, left);
            window.Fill = fill + length;
            return newPosition + length;
        }

        /// <summary>A number from its code and extra bits (section 11a.4): codes 0..6 are the values, then 4 codes per length class.</summary>
        internal int ReadNumber(int code)
        {
            if (code < 7) return code;
            int n = 3 + ((code - 7) >> 2);
            int u = ((4 | ((code - 7) & 3)) << (n - 2)) | _bits.ReadBits(n - 2);
            return u - 1;
        }
    }
}
