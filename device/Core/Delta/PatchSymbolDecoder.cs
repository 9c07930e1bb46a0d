namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Decodes the symbols of the patch stream (docs/PROTOCOL.md section 11a) with the shared
    /// <see cref="PatchModel"/>: numbers, literal bytes, edit flags and values, seek choices.
    /// Every method validates what it decodes against the format's ranges before returning it.
    /// </summary>
    internal sealed class PatchSymbolDecoder
    {
        private readonly RangeDecoder _decoder;
        private readonly PatchModel _model;
        private readonly ushort[] _p;

        public PatchSymbolDecoder(RangeDecoder decoder, PatchModel model)
        {
            _decoder = decoder;
            _model = model;
            _p = model.Probabilities;
        }

        /// <summary>A literal byte, coded as an 8-bit tree in the context of the previous byte.</summary>
        public int DecodeLiteral(int previousByte)
        {
            return DecodeTree(PatchModel.LiteralBase + PatchModel.LiteralContext(previousByte) * 256, 8);
        }

        /// <summary>A copy length (0 .. MaxNumber).</summary>
        public int DecodeCopyLength()
        {
            return DecodeNumber(PatchModel.CopyClassBase, PatchModel.CopyLowBase, PatchModel.ControlLowBits);
        }

        /// <summary>A literal run length (0 .. MaxNumber).</summary>
        public int DecodeLiteralLength()
        {
            return DecodeNumber(PatchModel.LiteralLengthClassBase, PatchModel.LiteralLengthLowBase, PatchModel.ControlLowBits);
        }

        /// <summary>True when another edit follows in the current copy run.</summary>
        public bool DecodeEditFollows()
        {
            return _decoder.DecodeBit(_p, PatchModel.EditEndBase + _model.GapContext) == 0;
        }

        /// <summary>Unchanged bytes before the next edit; the model learns it as the next gap's context.</summary>
        public int DecodeGap()
        {
            int gap = DecodeNumber(PatchModel.GapClassBase + _model.GapContext * PatchModel.NumberClasses, PatchModel.GapLowBase, PatchModel.GapLowBits);
            _model.CompleteGap(gap);
            return gap;
        }

        /// <summary>
        /// The value an edit adds (a 32-bit two's-complement number): prediction A, prediction B, one of the
        /// recent values, or explicit (sign and magnitude). The caller has run <see cref="PatchModel.PrepareEdit"/>.
        /// </summary>
        public int DecodeEditValue(int alignment)
        {
            int context = _model.EditContext;
            if (_decoder.DecodeBit(_p, PatchModel.HitABase + context) == 1) return _model.PredictionA;
            if (_model.PredictionA != _model.PredictionB && _decoder.DecodeBit(_p, PatchModel.HitBBase + context) == 1)
                return _model.PredictionB;
            if (_decoder.DecodeBit(_p, PatchModel.RecentHitBase + context) == 1)
                return _model.RecentValue(DecodeTree(PatchModel.RecentIndexBase, 2));
            int negative = _decoder.DecodeBit(_p, PatchModel.SignBase + alignment);
            int magnitude = DecodeNumber(PatchModel.MagnitudeClassBase + alignment * PatchModel.NumberClasses,
                PatchModel.MagnitudeLowBase, PatchModel.MagnitudeLowBits) + 1;
            return negative == 1 ? -magnitude : magnitude;
        }

        /// <summary>The seek choice, 0 .. 7 (a 3-bit tree).</summary>
        public int DecodeSeekChoice()
        {
            return DecodeTree(PatchModel.SeekChoiceBase, 3);
        }

        /// <summary>The non-zero signed delta of seek choice 5, 6 or 7, in that choice's context.</summary>
        public long DecodeSeekDelta(int choice)
        {
            int context = choice - PatchModel.SeekCursorDelta;
            int negative = _decoder.DecodeBit(_p, PatchModel.SeekSignBase + context);
            long magnitude = (long)DecodeNumber(PatchModel.SeekClassBase + context * PatchModel.NumberClasses,
                PatchModel.SeekLowBase, PatchModel.ControlLowBits) + 1;
            return negative == 1 ? -magnitude : magnitude;
        }

        /// <summary>A bit tree of <paramref name="bits"/> levels whose node i (1-based) is probability base + i.</summary>
        private int DecodeTree(int probabilityBase, int bits)
        {
            int node = 1;
            for (int i = 0; i < bits; i++) node = (node << 1) | _decoder.DecodeBit(_p, probabilityBase + node);
            return node - (1 << bits);
        }

        /// <summary>
        /// A number v: its class n = floor(log2(v + 1)) as a 5-bit tree, then the n bits of v + 1 below
        /// its leading one: the first min(n, lowBits) through a tree shared by class, the rest direct.
        /// </summary>
        private int DecodeNumber(int classBase, int lowBase, int lowBits)
        {
            int n = DecodeTree(classBase, 5);
            if (n > 30)
                throw new PatchDataException(PatchError.NumberOutOfRange, "a number of length class " + n + " exceeds the format's 31-bit limit.");
            int modeled = n < lowBits ? n : lowBits;
            int high = modeled == 0 ? 0 : DecodeTree(lowBase + n * (1 << lowBits), modeled);
            int direct = n - modeled;
            int low = direct == 0 ? 0 : _decoder.DecodeDirect(direct);
            int u = (((1 << modeled) | high) << direct) | low;
            return u - 1;
        }
    }
}
