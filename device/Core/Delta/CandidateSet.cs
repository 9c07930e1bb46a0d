using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A segment's candidate prefixes (docs/PROTOCOL.md section 11a.5.2), read after its code tables and
    /// kept in the form the copy run's scan tests fastest: <see cref="TopIndex"/> maps a word's top byte
    /// to 0 (no prefix starts with it) or to an entry of <see cref="NibbleMasks"/>, whose bit n is set when
    /// that top byte followed by nibble n is a prefix. A word is then tested with two array reads, and
    /// most words (whose top byte starts no prefix) with one. Allocated once, refilled per segment.
    /// </summary>
    internal sealed class CandidateSet
    {
        /// <summary>Bytes held: the top byte index and one mask per distinct top byte (at most four) plus the unused entry 0.</summary>
        public const int WorkingMemoryBytes = 256 + 2 * (PatchFormat.MaxCandidatePrefixes + 1);

        /// <summary>By a word's top byte (its byte at offset 3): 0, or the entry of <see cref="NibbleMasks"/> for it.</summary>
        public readonly byte[] TopIndex = new byte[256];

        /// <summary>Bit n of entry i: the top byte that maps to i, followed by nibble n, is a prefix.</summary>
        public readonly ushort[] NibbleMasks = new ushort[PatchFormat.MaxCandidatePrefixes + 1];

        /// <summary>Reads the 3-bit count and the 12-bit prefixes, which must strictly increase.</summary>
        public void Read(BitReader reader)
        {
            Array.Clear(TopIndex, 0, 256);
            Array.Clear(NibbleMasks, 0, NibbleMasks.Length);
            int count = reader.ReadBits(PatchFormat.CandidateCountBits);
            if (count > PatchFormat.MaxCandidatePrefixes)
                throw new PatchDataException(PatchError.CorruptStream, "a segment declares " + count + " candidate prefixes; at most " +
                    PatchFormat.MaxCandidatePrefixes + " are allowed. The patch is corrupted.");
            int previous = -1;
            int distinct = 0;
            for (int i = 0; i < count; i++)
            {
                int prefix = reader.ReadBits(PatchFormat.CandidatePrefixBits);
                if (prefix <= previous)
                    throw new PatchDataException(PatchError.CorruptStream, "a segment's candidate prefixes are not in increasing order; the patch is corrupted.");
                previous = prefix;
                int top = prefix >> 4;
                int index = TopIndex[top];
                if (index == 0)
                {
                    index = ++distinct;
                    TopIndex[top] = (byte)index;
                }
                NibbleMasks[index] |= (ushort)(1 << (prefix & 15));
            }
        }

        /// <summary>Where the last <see cref="Find"/> that found nothing stopped: the first aligned index after its limit.</summary>
        public int Stopped;

        /// <summary>
        /// The index of the (<paramref name="rank"/> + 1)-th candidate word among the aligned indexes from
        /// <paramref name="at"/> (a multiple of 4) to <paramref name="last"/>, the last index a whole word
        /// starts at; when there are fewer, -1 - the rank still to skip, with <see cref="Stopped"/> set.
        /// One loop over the window's bytes.
        /// </summary>
        public int Find(byte[] buffer, int at, int last, int rank)
        {
            byte[] top = TopIndex;
            // k walks the words' top bytes (offset 3 of each little-endian word). Most words' top byte starts
            // no prefix: four such words cost one round of lookups (about 9 IL per word); a round with a
            // possible candidate, and the last few words, go one word at a time (about 15).
            int k = at + 3;
            int lastTop = last + 3;
            while (true)
            {
                if (k + 12 <= lastTop)
                {
                    if (top[buffer[k]] == 0 && top[buffer[k + 4]] == 0 && top[buffer[k + 8]] == 0 && top[buffer[k + 12]] == 0)
                    {
                        k += 16;
                        continue;
                    }
                }
                else if (k > lastTop) break;
                int index = top[buffer[k]];
                if (index != 0 && ((NibbleMasks[index] >> (buffer[k - 1] >> 4)) & 1) != 0)
                {
                    if (rank == 0) return k - 3;
                    rank--;
                }
                k += 4;
            }
            Stopped = k - 3;
            return -1 - rank;
        }
    }
}
