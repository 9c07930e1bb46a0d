using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The state a segment builds up as it is decoded (docs/PROTOCOL.md section 11a.5) and that the
    /// build's encoder keeps in lockstep: predictions of an edit's value from the byte before and the
    /// byte after it (a relocated pointer's delta recurs wherever the same byte precedes or follows it),
    /// the four most recent edit values and the four most recent copy displacements. Cleared at every
    /// segment start, so a segment decodes on its own. Allocated once.
    /// </summary>
    public sealed class EditPredictor
    {
        public const int RecentCount = 4;

        /// <summary>Bytes held: both prediction tables and the two recent lists.</summary>
        public const int WorkingMemoryBytes = 2 * 256 * 4 + 2 * RecentCount * 4;

        private readonly int[] _byPrevious = new int[256];
        private readonly int[] _byNext = new int[256];
        private readonly int[] _recentValues = new int[RecentCount];
        private readonly int[] _displacements = new int[RecentCount];

        /// <summary>The value last added by an edit after byte <paramref name="previousByte"/> (0 if none).</summary>
        public int PredictionA(int previousByte)
        {
            return _byPrevious[previousByte];
        }

        /// <summary>The value last added by an edit followed by byte <paramref name="nextByte"/> (0 if none).</summary>
        public int PredictionB(int nextByte)
        {
            return _byNext[nextByte];
        }

        /// <summary>The i-th most recent edit value (0 = newest).</summary>
        public int RecentValue(int index)
        {
            return _recentValues[index];
        }

        /// <summary>The i-th most recent displacement (old offset minus new offset) of a copy; 0 is the current one.</summary>
        public int Displacement(int index)
        {
            return _displacements[index];
        }

        public void Reset()
        {
            Array.Clear(_byPrevious, 0, 256);
            Array.Clear(_byNext, 0, 256);
            Array.Clear(_recentValues, 0, RecentCount);
            Array.Clear(_displacements, 0, RecentCount);
        }

        /// <summary>Learns an edit's value: both tables and the recent values (move to front).</summary>
        public void Learn(int previousByte, int nextByte, int value)
        {
            _byPrevious[previousByte] = value;
            _byNext[nextByte] = value;
            MoveToFront(_recentValues, value);
        }

        /// <summary>Makes <paramref name="displacement"/> the current one, keeping the others in recency order.</summary>
        public void UseDisplacement(int displacement)
        {
            MoveToFront(_displacements, displacement);
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
