namespace SecureOta.Build.Delta;

/// <summary>Writes bits most significant first (docs/PROTOCOL.md section 11a.4), and whole bytes between segments.</summary>
internal sealed class BitWriter
{
    private readonly List<byte> _output;
    private ulong _pending;
    private int _pendingBits;

    public BitWriter(List<byte> output) => _output = output;

    /// <summary>Bits written so far, padding included.</summary>
    public long BitPosition => (long)_output.Count * 8 + _pendingBits;

    public void WriteBits(uint value, int count)
    {
        if (count < 0 || count > 32) throw new ArgumentOutOfRangeException(nameof(count));
        if (count == 0) return;
        _pending = (_pending << count) | (value & (uint)((1UL << count) - 1));
        _pendingBits += count;
        while (_pendingBits >= 8)
        {
            _pendingBits -= 8;
            _output.Add((byte)(_pending >> _pendingBits));
        }
    }

    /// <summary>Pads the last byte with zero bits.</summary>
    public void AlignToByte()
    {
        if (_pendingBits > 0) WriteBits(0, 8 - _pendingBits);
        _pending = 0;
    }
}
