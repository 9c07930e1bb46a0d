using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Encodes the symbols of the patch stream with the shared <see cref="PatchModel"/>, mirroring the
/// device's <c>PatchSymbolDecoder</c> call for call, so both sides adapt the same probabilities in the
/// same order. Also prices edit values without coding them, for the encoder's choices.
/// </summary>
internal sealed class PatchSymbolEncoder
{
    private readonly RangeEncoder _encoder;
    private readonly PatchModel _model;
    private readonly ushort[] _p;

    public PatchSymbolEncoder(RangeEncoder encoder, PatchModel model)
    {
        _encoder = encoder;
        _model = model;
        _p = model.Probabilities;
    }

    public void EncodeLiteral(int previousByte, int value)
    {
        _encoder.Category = (int)PatchCostCategory.Literals;
        EncodeTree(PatchModel.LiteralBase + PatchModel.LiteralContext(previousByte) * 256, 8, value);
    }

    public void EncodeCopyLength(int length)
    {
        _encoder.Category = (int)PatchCostCategory.Lengths;
        EncodeNumber(PatchModel.CopyClassBase, PatchModel.CopyLowBase, PatchModel.ControlLowBits, length);
    }

    public void EncodeLiteralLength(int length)
    {
        _encoder.Category = (int)PatchCostCategory.Lengths;
        EncodeNumber(PatchModel.LiteralLengthClassBase, PatchModel.LiteralLengthLowBase, PatchModel.ControlLowBits, length);
    }

    public void EncodeEditFollows(bool follows)
    {
        _encoder.Category = (int)PatchCostCategory.EditPositions;
        _encoder.EncodeBit(_p, PatchModel.EditEndBase + _model.GapContext, follows ? 0 : 1);
    }

    public void EncodeGap(int gap)
    {
        _encoder.Category = (int)PatchCostCategory.EditPositions;
        EncodeNumber(PatchModel.GapClassBase + _model.GapContext * PatchModel.NumberClasses, PatchModel.GapLowBase, PatchModel.GapLowBits, gap);
        _model.CompleteGap(gap);
    }

    /// <summary>Codes an edit value; <see cref="PatchModel.PrepareEdit"/> has run for this edit.</summary>
    public void EncodeEditValue(int alignment, int value)
    {
        _encoder.Category = (int)PatchCostCategory.EditValues;
        int context = _model.EditContext;
        bool hitA = value == _model.PredictionA;
        _encoder.EncodeBit(_p, PatchModel.HitABase + context, hitA ? 1 : 0);
        if (hitA) return;
        if (_model.PredictionA != _model.PredictionB)
        {
            bool hitB = value == _model.PredictionB;
            _encoder.EncodeBit(_p, PatchModel.HitBBase + context, hitB ? 1 : 0);
            if (hitB) return;
        }
        int recent = RecentIndex(value);
        _encoder.EncodeBit(_p, PatchModel.RecentHitBase + context, recent >= 0 ? 1 : 0);
        if (recent >= 0)
        {
            EncodeTree(PatchModel.RecentIndexBase, 2, recent);
            return;
        }
        _encoder.EncodeBit(_p, PatchModel.SignBase + alignment, value < 0 ? 1 : 0);
        EncodeNumber(PatchModel.MagnitudeClassBase + alignment * PatchModel.NumberClasses, PatchModel.MagnitudeLowBase,
            PatchModel.MagnitudeLowBits, Math.Abs(value) - 1);
    }

    /// <summary>Approximate cost (1/16 bits) of <see cref="EncodeEditValue"/> for <paramref name="value"/>, coding nothing.</summary>
    public int PriceEditValue(int alignment, int value)
    {
        int context = _model.EditContext;
        bool hitA = value == _model.PredictionA;
        int price = BitPrices.Price(_p, PatchModel.HitABase + context, hitA ? 1 : 0);
        if (hitA) return price;
        if (_model.PredictionA != _model.PredictionB)
        {
            bool hitB = value == _model.PredictionB;
            price += BitPrices.Price(_p, PatchModel.HitBBase + context, hitB ? 1 : 0);
            if (hitB) return price;
        }
        int recent = RecentIndex(value);
        price += BitPrices.Price(_p, PatchModel.RecentHitBase + context, recent >= 0 ? 1 : 0);
        if (recent >= 0) return price + 2 * BitPrices.Scale;
        price += BitPrices.Price(_p, PatchModel.SignBase + alignment, value < 0 ? 1 : 0);
        int n = PatchModel.NumberClass(Math.Abs(value) - 1);
        return price + (6 + n) * BitPrices.Scale;
    }

    public void EncodeSeekChoice(int choice)
    {
        _encoder.Category = (int)PatchCostCategory.Seeks;
        EncodeTree(PatchModel.SeekChoiceBase, 3, choice);
    }

    public void EncodeSeekDelta(int choice, long delta)
    {
        int context = choice - PatchModel.SeekCursorDelta;
        _encoder.EncodeBit(_p, PatchModel.SeekSignBase + context, delta < 0 ? 1 : 0);
        EncodeNumber(PatchModel.SeekClassBase + context * PatchModel.NumberClasses, PatchModel.SeekLowBase, PatchModel.ControlLowBits,
            (int)(Math.Abs(delta) - 1));
    }

    /// <summary>Approximate cost (1/16 bits) of a seek choice and, for choices 5 to 7, its delta.</summary>
    public int PriceSeek(int choice, long delta)
    {
        int price = PriceTree(PatchModel.SeekChoiceBase, 3, choice);
        if (choice < PatchModel.SeekCursorDelta) return price;
        int context = choice - PatchModel.SeekCursorDelta;
        price += BitPrices.Price(_p, PatchModel.SeekSignBase + context, delta < 0 ? 1 : 0);
        int magnitude = (int)Math.Min(Math.Abs(delta) - 1, PatchFormat.MaxNumber);
        int n = PatchModel.NumberClass(magnitude);
        return price + PriceTree(PatchModel.SeekClassBase + context * PatchModel.NumberClasses, 5, n) + n * BitPrices.Scale;
    }

    private int PriceTree(int probabilityBase, int bits, int value)
    {
        int price = 0;
        int node = 1;
        for (int i = bits - 1; i >= 0; i--)
        {
            int bit = (value >> i) & 1;
            price += BitPrices.Price(_p, probabilityBase + node, bit);
            node = (node << 1) | bit;
        }
        return price;
    }

    private int RecentIndex(int value)
    {
        for (int i = 0; i < PatchModel.RecentValues; i++)
        {
            if (_model.RecentValue(i) == value) return i;
        }
        return -1;
    }

    private void EncodeTree(int probabilityBase, int bits, int value)
    {
        int node = 1;
        for (int i = bits - 1; i >= 0; i--)
        {
            int bit = (value >> i) & 1;
            _encoder.EncodeBit(_p, probabilityBase + node, bit);
            node = (node << 1) | bit;
        }
    }

    private void EncodeNumber(int classBase, int lowBase, int lowBits, int value)
    {
        if (value < 0 || value > PatchFormat.MaxNumber) throw new ArgumentOutOfRangeException(nameof(value), value, "outside the format's number range");
        int n = PatchModel.NumberClass(value);
        uint u = (uint)value + 1;
        EncodeTree(classBase, 5, n);
        int modeled = Math.Min(n, lowBits);
        int direct = n - modeled;
        if (modeled > 0) EncodeTree(lowBase + n * (1 << lowBits), modeled, (int)((u >> direct) & ((1u << modeled) - 1)));
        if (direct > 0) _encoder.EncodeDirect((int)(u & ((1u << direct) - 1)), direct);
    }
}
