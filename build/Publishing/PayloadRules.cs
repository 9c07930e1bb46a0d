namespace SecureOta.Build.Publishing;

/// <summary>
/// Checks shared by the payload writers. Each names the JSON member it checks, so the
/// <see cref="ProtocolLimitException"/> tells the maintainer where the input is wrong.
/// </summary>
internal static class PayloadRules
{
    /// <summary>0 to 2^53 - 1, the integers section 3 allows.</summary>
    public static void RequireJsonInteger(string member, long value)
    {
        RequireRange(member, value, 0, ProtocolLimits.MaxJsonInteger);
    }

    public static void RequireRange(string member, long value, long min, long max)
    {
        if (value < min || value > max)
            throw new ProtocolLimitException(member, $"{value} is outside {min}..{max}");
    }

    public static void RequireCount(string member, int count, int min, int max)
    {
        if (count < min || count > max)
            throw new ProtocolLimitException(member, $"{count} entries; {min} to {max} are allowed");
    }

    /// <summary>A byte value written as hex: non-null and exactly <paramref name="length"/> bytes.</summary>
    public static void RequireBytes(string member, byte[]? value, int length)
    {
        if (value is null || value.Length != length)
            throw new ProtocolLimitException(member, $"expected {length} bytes, got {(value is null ? "none" : value.Length.ToString())}");
    }

    /// <summary>A string that must already be lowercase hex of <paramref name="length"/> bytes (a key id).</summary>
    public static void RequireHexString(string member, string? value, int length)
    {
        bool valid = value is not null && value.Length == 2 * length;
        for (int i = 0; valid && i < value!.Length; i++)
        {
            valid = char.IsAsciiDigit(value[i]) || (value[i] >= 'a' && value[i] <= 'f');
        }
        if (!valid) throw new ProtocolLimitException(member, $"expected {2 * length} lowercase hex characters, got \"{value}\"");
    }
}
