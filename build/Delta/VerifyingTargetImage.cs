using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// A target that compares what the patcher writes with the expected new image instead of storing it,
/// so a measurement of the patcher's allocations sees only the patcher's own.
/// </summary>
public sealed class VerifyingTargetImage : ITargetImage
{
    private readonly byte[] _expected;

    public VerifyingTargetImage(byte[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        _expected = expected;
    }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Offset of the first byte that differs from the expected image (or lies past its end), or -1.</summary>
    public long FirstDifference { get; private set; } = -1;

    /// <summary>True when exactly the expected image was written.</summary>
    public bool Matches => FirstDifference < 0 && Length == _expected.Length;

    /// <summary>Reads back from the expected image: once a write differed the run has failed anyway.</summary>
    public void Read(int position, byte[] buffer, int offset, int count)
    {
        if (position < 0 || count < 0 || position > Length - count)
            throw new ArgumentOutOfRangeException(nameof(position), $"bytes {position}..{position + count} are not written yet ({Length} are)");
        Array.Copy(_expected, position, buffer, offset, count);
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        if (FirstDifference < 0)
        {
            long available = Math.Max(0, Math.Min(count, _expected.Length - Length));
            int common = buffer.AsSpan(offset, (int)available).CommonPrefixLength(_expected.AsSpan((int)Length, (int)available));
            if (common < count) FirstDifference = Length + common;
        }
        Length += count;
    }
}
