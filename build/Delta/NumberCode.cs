using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// The number and gap codes of docs/PROTOCOL.md section 11a.4: a number v (0 .. 2^31 - 2) is code v for
/// v below 7, else, with u = v + 1 and n = floor(log2 u), code 7 + 4(n - 3) + the two bits of u below its
/// leading one, followed by the n - 2 bits below those. A gap g is code g below 16, else, with n = floor(log2 g),
/// code 16 + 4(n - 4) + the two bits of g below its leading one, followed by the n - 2 bits below those,
/// up to 255; from 256 on, code 32 and then g - 256 as a number.
/// </summary>
internal static class NumberCode
{
    public static (int Code, uint Extra, int ExtraBits) Number(long value)
    {
        if (value < 0 || value > PatchFormat.MaxNumber) throw new ArgumentOutOfRangeException(nameof(value), value, "outside the format's number range");
        if (value < 7) return ((int)value, 0, 0);
        uint u = (uint)value + 1;
        int n = 31 - System.Numerics.BitOperations.LeadingZeroCount(u);
        int top = (int)((u >> (n - 2)) & 3);
        return (7 + 4 * (n - 3) + top, u & ((1u << (n - 2)) - 1), n - 2);
    }

    /// <summary>The gap code and its extra bits; a gap from 256 on is <see cref="PatchFormat.LongGapCode"/> and a number (not included here).</summary>
    public static (int Code, uint Extra, int ExtraBits) Gap(int gap)
    {
        if (gap < 0) throw new ArgumentOutOfRangeException(nameof(gap));
        if (gap >= PatchFormat.LongGap) return (PatchFormat.LongGapCode, 0, 0);
        if (gap < 16) return (gap, 0, 0);
        int n = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)gap);
        int top = (gap >> (n - 2)) & 3;
        return (16 + 4 * (n - 4) + top, (uint)gap & ((1u << (n - 2)) - 1), n - 2);
    }

    /// <summary>Extra bits after number code <paramref name="code"/>.</summary>
    public static int NumberExtraBits(int code) => code < 7 ? 0 : 1 + ((code - 7) >> 2);
}
