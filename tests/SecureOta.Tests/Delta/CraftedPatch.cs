using System.Buffers.Binary;
using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// Writes patches symbol by symbol, valid or not, with the real range coder and model, so a test can
/// build exactly the malformed stream it needs (an oversized length, a seek outside the old image).
/// </summary>
internal sealed class CraftedPatch
{
    private readonly List<byte> _bytes = [];
    private readonly PatchModel _model = new();
    private readonly RangeEncoder _encoder;
    private readonly ushort[] _p;

    public CraftedPatch(int oldSize, int newSize, byte version = PatchFormat.Version)
    {
        var header = new byte[PatchFormat.HeaderSize];
        PatchFormat.Magic.CopyTo(header, 0);
        header[4] = version;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), (uint)oldSize);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), (uint)newSize);
        _bytes.AddRange(header);
        _encoder = new RangeEncoder(_bytes);
        _p = _model.Probabilities;
    }

    public PatchModel Model => _model;

    /// <summary>Seek choice 0: keep the displacement.</summary>
    public CraftedPatch KeepDisplacement()
    {
        Tree(PatchModel.SeekChoiceBase, 3, PatchModel.SeekKeepDisplacement);
        return this;
    }

    /// <summary>Seek choice 5: the old cursor plus <paramref name="delta"/>.</summary>
    public CraftedPatch SeekBy(long delta)
    {
        Tree(PatchModel.SeekChoiceBase, 3, PatchModel.SeekCursorDelta);
        _encoder.EncodeBit(_p, PatchModel.SeekSignBase, delta < 0 ? 1 : 0);
        Number(PatchModel.SeekClassBase, PatchModel.SeekLowBase, PatchModel.ControlLowBits, Math.Abs(delta) - 1);
        return this;
    }

    public CraftedPatch Copy(long length) => Number(PatchModel.CopyClassBase, PatchModel.CopyLowBase, PatchModel.ControlLowBits, length);

    public CraftedPatch LiteralLength(long length) => Number(PatchModel.LiteralLengthClassBase, PatchModel.LiteralLengthLowBase, PatchModel.ControlLowBits, length);

    public CraftedPatch Literal(int previousByte, int value)
    {
        Tree(PatchModel.LiteralBase + PatchModel.LiteralContext(previousByte) * 256, 8, value);
        return this;
    }

    public CraftedPatch EditFollows(bool follows)
    {
        _encoder.EncodeBit(_p, PatchModel.EditEndBase + _model.GapContext, follows ? 0 : 1);
        return this;
    }

    public CraftedPatch Gap(long gap)
    {
        Number(PatchModel.GapClassBase + _model.GapContext * PatchModel.NumberClasses, PatchModel.GapLowBase, PatchModel.GapLowBits, gap);
        if (gap <= PatchFormat.MaxNumber) _model.CompleteGap((int)gap);
        return this;
    }

    /// <summary>Writes a number's length class only, as the copy length: class 31 is beyond the format's limit.</summary>
    public CraftedPatch CopyLengthClass(int numberClass)
    {
        Tree(PatchModel.CopyClassBase, 5, numberClass);
        return this;
    }

    public byte[] Finish()
    {
        _encoder.Flush();
        return [.. _bytes];
    }

    /// <summary>A number as the decoder reads it, for any value up to 2^31 - 1 (larger classes are allowed here on purpose).</summary>
    private CraftedPatch Number(int classBase, int lowBase, int lowBits, long value)
    {
        ulong u = (ulong)value + 1;
        int n = 63 - System.Numerics.BitOperations.LeadingZeroCount(u);
        Tree(classBase, 5, n);
        int modeled = Math.Min(n, lowBits);
        int direct = n - modeled;
        if (modeled > 0) Tree(lowBase + n * (1 << lowBits), modeled, (int)((u >> direct) & ((1ul << modeled) - 1)));
        for (int i = direct - 1; i >= 0; i--) _encoder.EncodeDirect((int)((u >> i) & 1), 1);
        return this;
    }

    private void Tree(int probabilityBase, int bits, int value)
    {
        int node = 1;
        for (int i = bits - 1; i >= 0; i--)
        {
            int bit = (value >> i) & 1;
            _encoder.EncodeBit(_p, probabilityBase + node, bit);
            node = (node << 1) | bit;
        }
    }
}
