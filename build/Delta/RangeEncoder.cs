using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// The binary range encoder matching the device's decoder (docs/PROTOCOL.md section 11a): the LZMA
/// construction, a 33-bit low with a cached byte and a run of pending 0xFF bytes so a carry can ripple
/// into bytes not yet written. Probabilities adapt exactly as the decoder adapts them.
/// </summary>
internal sealed class RangeEncoder
{
    private const uint TopValue = 1u << 24;

    private readonly List<byte> _output;
    private ulong _low;
    private uint _range = 0xFFFFFFFF;
    private byte _cache;
    private long _cacheSize = 1;

    public RangeEncoder(List<byte> output)
    {
        _output = output;
    }

    /// <summary>Where the cost of the next bits is booked (an index into <see cref="Costs"/>).</summary>
    public int Category { get; set; }

    /// <summary>Approximate cost of the bits coded so far per category, in 1/16 bits.</summary>
    public long[] Costs { get; } = new long[(int)PatchCostCategory.Count];

    public void EncodeBit(ushort[] probabilities, int index, int bit)
    {
        Costs[Category] += BitPrices.Price(probabilities, index, bit);
        uint p = probabilities[index];
        uint bound = (_range >> PatchModel.ProbabilityBits) * p;
        if (bit == 0)
        {
            _range = bound;
            probabilities[index] = (ushort)(p + (((1u << PatchModel.ProbabilityBits) - p) >> PatchModel.AdaptShift));
        }
        else
        {
            _low += bound;
            _range -= bound;
            probabilities[index] = (ushort)(p - (p >> PatchModel.AdaptShift));
        }
        Normalize();
    }

    /// <summary>The low <paramref name="count"/> bits of <paramref name="value"/>, most significant first, each with probability 1/2.</summary>
    public void EncodeDirect(int value, int count)
    {
        Costs[Category] += count * BitPrices.Scale;
        for (int i = count - 1; i >= 0; i--)
        {
            _range >>= 1;
            if (((value >> i) & 1) != 0) _low += _range;
            Normalize();
        }
    }

    /// <summary>Writes the last bytes: afterwards the decoder's code is exactly 0 with every byte consumed.</summary>
    public void Flush()
    {
        for (int i = 0; i < 5; i++) ShiftLow();
    }

    private void Normalize()
    {
        while (_range < TopValue)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    private void ShiftLow()
    {
        if (_low < 0xFF000000UL || _low > 0xFFFFFFFFUL)
        {
            byte carry = (byte)(_low >> 32);
            byte pending = _cache;
            do
            {
                _output.Add((byte)(pending + carry));
                pending = 0xFF;
            }
            while (--_cacheSize != 0);
            _cache = (byte)(_low >> 24);
        }
        _cacheSize++;
        _low = (_low & 0x00FFFFFFUL) << 8;
    }
}
