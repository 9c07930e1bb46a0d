using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The adaptive model shared by the patcher and the build's encoder (docs/PROTOCOL.md section 11a):
    /// one array of 12-bit bit probabilities laid out in fixed regions, and the small prediction state
    /// that lets an edit's value cost about a bit when it repeats (a relocated pointer's delta recurs
    /// wherever the same byte precedes or follows it). Encoder and decoder update it identically, so
    /// both always hold the same state. Allocated once; <see cref="Reset"/> clears it for a new patch.
    /// </summary>
    public sealed class PatchModel
    {
        /// <summary>Probabilities are of a 0 bit, in units of 1/4096.</summary>
        public const int ProbabilityBits = 12;

        /// <summary>Every probability starts at one half.</summary>
        public const int InitialProbability = 1 << (ProbabilityBits - 1);

        /// <summary>After each bit a probability moves 1/16 of the way towards the bit seen.</summary>
        public const int AdaptShift = 4;

        /// <summary>Number length classes n (a number v is coded as n = floor(log2(v + 1)) and n low bits); 5-bit tree.</summary>
        public const int NumberClasses = 32;

        public const int LiteralContexts = 8;
        public const int GapContexts = 16;
        public const int EditContexts = 32;
        public const int MagnitudeContexts = 4;
        public const int RecentValues = 4;
        public const int SeekDeltaContexts = 3;

        public const int GapLowBits = 2;
        public const int MagnitudeLowBits = 3;
        public const int ControlLowBits = 3;

        public const int LiteralBase = 0;
        public const int GapClassBase = LiteralBase + LiteralContexts * 256;
        public const int GapLowBase = GapClassBase + GapContexts * NumberClasses;
        public const int EditEndBase = GapLowBase + NumberClasses * (1 << GapLowBits);
        public const int HitABase = EditEndBase + GapContexts;
        public const int HitBBase = HitABase + EditContexts;
        public const int RecentHitBase = HitBBase + EditContexts;
        public const int RecentIndexBase = RecentHitBase + EditContexts;
        public const int SignBase = RecentIndexBase + RecentValues;
        public const int MagnitudeClassBase = SignBase + MagnitudeContexts;
        public const int MagnitudeLowBase = MagnitudeClassBase + MagnitudeContexts * NumberClasses;
        public const int SeekChoiceBase = MagnitudeLowBase + NumberClasses * (1 << MagnitudeLowBits);
        public const int SeekSignBase = SeekChoiceBase + 8;
        public const int SeekClassBase = SeekSignBase + SeekDeltaContexts;
        public const int SeekLowBase = SeekClassBase + SeekDeltaContexts * NumberClasses;
        public const int CopyClassBase = SeekLowBase + NumberClasses * (1 << ControlLowBits);
        public const int CopyLowBase = CopyClassBase + NumberClasses;
        public const int LiteralLengthClassBase = CopyLowBase + NumberClasses * (1 << ControlLowBits);
        public const int LiteralLengthLowBase = LiteralLengthClassBase + NumberClasses;
        public const int ProbabilityCount = LiteralLengthLowBase + NumberClasses * (1 << ControlLowBits);

        /// <summary>
        /// Seek choices (3-bit tree): keep the displacement; keep the old cursor; recent displacement 1, 2
        /// or 3; the old cursor plus a delta; recent displacement 1 plus a delta; recent displacement 2 plus
        /// a delta. The deltas let a copy return near where it left after a short excursion.
        /// </summary>
        public const int SeekKeepDisplacement = 0;
        public const int SeekKeepCursor = 1;
        public const int SeekRecent1 = 2;
        public const int SeekRecent3 = 4;
        public const int SeekCursorDelta = 5;
        public const int SeekRecent1Delta = 6;
        public const int SeekRecent2Delta = 7;

        /// <summary>Bytes of working memory the model holds: probabilities, both prediction tables, recent values.</summary>
        public const int WorkingMemoryBytes = ProbabilityCount * 2 + 2 * 256 * 4 + 2 * RecentValues * 4;

        private readonly ushort[] _probabilities = new ushort[ProbabilityCount];
        private readonly int[] _byPrevious = new int[256];
        private readonly int[] _byNext = new int[256];
        private readonly int[] _recentValues = new int[RecentValues];
        private readonly int[] _displacements = new int[RecentValues];
        private int _hitHistory;
        private int _gapContext;

        public PatchModel()
        {
            Reset();
        }

        /// <summary>The bit probabilities, indexed by the regions above.</summary>
        public ushort[] Probabilities { get { return _probabilities; } }

        /// <summary>Context of the next gap and of the flag before it: the previous gap, bucketed.</summary>
        public int GapContext { get { return _gapContext; } }

        /// <summary>Predicted edit value from the byte before the edit (set by <see cref="PrepareEdit"/>).</summary>
        public int PredictionA { get; private set; }

        /// <summary>Predicted edit value from the byte after the edit.</summary>
        public int PredictionB { get; private set; }

        /// <summary>Context of the edit's value flags: the last four prediction hits and whether both predictions agree.</summary>
        public int EditContext { get; private set; }

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
            for (int i = 0; i < _probabilities.Length; i++) _probabilities[i] = InitialProbability;
            Array.Clear(_byPrevious, 0, _byPrevious.Length);
            Array.Clear(_byNext, 0, _byNext.Length);
            Array.Clear(_recentValues, 0, _recentValues.Length);
            Array.Clear(_displacements, 0, _displacements.Length);
            _hitHistory = 0;
            _gapContext = 0;
            PredictionA = 0;
            PredictionB = 0;
            EditContext = 0;
        }

        /// <summary>Literal context: the top three bits of the previous byte of the new image.</summary>
        public static int LiteralContext(int previousByte)
        {
            return previousByte >> 5;
        }

        /// <summary>Records a decoded gap: the next gap's context is the gap itself up to 7, then its length class.</summary>
        public void CompleteGap(int gap)
        {
            if (gap < 8)
            {
                _gapContext = gap;
                return;
            }
            int context = 8 + NumberClass(gap) - 3;
            _gapContext = context > GapContexts - 1 ? GapContexts - 1 : context;
        }

        /// <summary>
        /// Sets the predictions for an edit whose new-image predecessor is <paramref name="previousByte"/>
        /// and whose following byte (as the copy run holds it now, 0 past the run's end) is <paramref name="nextByte"/>.
        /// </summary>
        public void PrepareEdit(int previousByte, int nextByte)
        {
            PredictionA = _byPrevious[previousByte];
            PredictionB = _byNext[nextByte];
            EditContext = (_hitHistory << 1) | (PredictionA == PredictionB ? 1 : 0);
        }

        /// <summary>Learns the edit's value: both tables, the hit history and the recent values (move to front).</summary>
        public void CompleteEdit(int previousByte, int nextByte, int value)
        {
            _hitHistory = ((_hitHistory << 1) | (value == PredictionA ? 1 : 0)) & 15;
            _byPrevious[previousByte] = value;
            _byNext[nextByte] = value;
            MoveToFront(_recentValues, value);
        }

        /// <summary>Makes <paramref name="displacement"/> the current one, keeping the others in recency order.</summary>
        public void UseDisplacement(int displacement)
        {
            MoveToFront(_displacements, displacement);
        }

        /// <summary>floor(log2(v + 1)) for v >= 0: the length class a number is coded with.</summary>
        public static int NumberClass(int value)
        {
            uint u = (uint)value + 1;
            int n = 0;
            while ((u >>= 1) != 0) n++;
            return n;
        }

        private static void MoveToFront(int[] values, int value)
        {
            int last = values.Length - 1;
            int at = last;
            for (int i = 0; i < last; i++)
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
