using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The state a segment builds up as it is decoded (docs/PROTOCOL.md section 11a.5) and that the
    /// build's encoder keeps in lockstep: predictions of an edit's value from the byte before and the
    /// byte after it (a relocated pointer's delta recurs wherever the same byte precedes or follows it),
    /// the last four edit values and the four most recent copy displacements. Cleared at every
    /// segment start, so a segment decodes on its own. Allocated once.
    /// </summary>
    public sealed class EditPredictor
    {
        public const int RecentCount = 4;

        /// <summary>Bytes held: both prediction tables and the two recent lists.</summary>
        public const int WorkingMemoryBytes = 2 * 256 * 4 + 2 * RecentCount * 4;

        // Open to the patcher's edit loop, which reads and updates them inline (a call per edit costs
        // more than the update on the device's interpreter); Learn is the same update for other callers.

        /// <summary>By byte before the edit: the value last added after it.</summary>
        public readonly int[] ByPrevious = new int[256];

        /// <summary>By byte after the edit (as the run held it): the value last added before it.</summary>
        public readonly int[] ByNext = new int[256];

        /// <summary>The last four edit values, a ring: the newest is at (<see cref="RecentNext"/> - 1) mod 4.</summary>
        public readonly int[] RecentValues = new int[RecentCount];

        /// <summary>
        /// Edit values learned since <see cref="Reset"/>; the ring takes the next at this count mod 4. A count
        /// rather than an index, so the patcher's edit loop counts its edits with the ring's own increment.
        /// </summary>
        public int RecentNext;
        /// <summary>The four most recent copy displacements (old offset minus new offset), the current one first.</summary>
        public readonly int[] Displacements = new int[RecentCount];

        /// <summary>The value last added by an edit after byte <paramref name="previousByte"/> (0 if none).</summary>
        public int PredictionA(int previousByte)
        {
            return ByPrevious[previousByte];
        }

        /// <summary>The value last added by an edit followed by byte <paramref name="nextByte"/> (0 if none).</summary>
        public int PredictionB(int nextByte)
        {
            return ByNext[nextByte];
        }

        /// <summary>The value of the i-th most recent edit (0 = newest; repeats are kept, 0 before the fourth edit).</summary>
        public int RecentValue(int index)
        {
            return RecentValues[(RecentNext - 1 - index) & (RecentCount - 1)];
        }

        /// <summary>The i-th most recent displacement (old offset minus new offset) of a copy; 0 is the current one.</summary>
        public int Displacement(int index)
        {
            return Displacements[index];
        }

        public void Reset()
        {
            Array.Clear(ByPrevious, 0, 256);
            Array.Clear(ByNext, 0, 256);
            Array.Clear(RecentValues, 0, RecentCount);
            Array.Clear(Displacements, 0, RecentCount);
            RecentNext = 0;
        }

        /// <summary>Learns an edit's value: both tables and the ring of recent values.</summary>
        public void Learn(int previousByte, int nextByte, int value)
        {
            ByPrevious[previousByte] = value;
            ByNext[nextByte] = value;
            RecentValues[RecentNext & (RecentCount - 1)] = value;
            RecentNext++;
        }

        /// <summary>Makes <paramref name="displacement"/> the current one, keeping the others in recency order.</summary>
        public void UseDisplacement(int displacement)
        {
            MoveToFront(Displacements, displacement);
        }

        private static void MoveToFront(int[] values, int value)
        {
            int at = RecentCount - 1;
            for (int i = 0; i < RecentCount - 1; i++)
            {
                if (values[i] == value)
                {
                    at = i;
                    break;
                }
            }
            for (int i = at; i > 0; i--) values[i] = values[i - 1];
            values[0] = value;
        }
    }
}
