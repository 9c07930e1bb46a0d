namespace SecureOta.Build.Samples;

/// <summary>
/// A small deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64) for sample
/// data. Fixed seeds give the same bytes on every machine and runtime; never use it for secrets.
/// </summary>
internal sealed class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>A seed for item <paramref name="id"/> of a family, independent of how many values other items drew.</summary>
    public static ulong Derive(ulong family, long id) => new SplitMix64(unchecked(family ^ ((ulong)id * Golden))).NextUInt64();

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += Golden;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>); the modulo bias is irrelevant for sample data.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
