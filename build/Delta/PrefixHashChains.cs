using System.Buffers.Binary;

namespace SecureOta.Build.Delta;

/// <summary>
/// Hash chains over every position of an image, one per prefix length (<see cref="Spans"/>): the chain of
/// span s links each position to the nearest earlier one whose next s bytes hash alike. A match search
/// walks the 3-byte chain and, once it holds a match of s bytes, goes on along the s-byte chain from that
/// match: every longer match starts with the same s bytes, so it lies on that chain, and the positions
/// that share only a shorter prefix (most of a 3-byte chain in code, which repeats short byte patterns
/// everywhere) are skipped. So a bounded walk reaches far older long matches than one 3-byte chain.
/// </summary>
internal sealed class PrefixHashChains
{
    private const int HashBits = 17;

    /// <summary>The prefix lengths chained, shortest first (the shortest is the format's shortest match).</summary>
    public static readonly int[] Spans = [3, 4, 6, 12];

    private readonly byte[] _image;
    private readonly int[][] _previous;

    public PrefixHashChains(byte[] image)
    {
        _image = image;
        _previous = new int[Spans.Length][];
        var head = new int[1 << HashBits];
        for (int level = 0; level < Spans.Length; level++)
        {
            var previous = _previous[level] = new int[image.Length];
            int span = Spans[level];
            Array.Fill(head, -1);
            for (int p = 0; p < image.Length; p++)
            {
                if (p + span > image.Length)
                {
                    previous[p] = -1;
                    continue;
                }
                int h = Hash(p, span);
                previous[p] = head[h];
                head[h] = p;
            }
        }
    }

    /// <summary>The chain of <see cref="Spans"/>[<paramref name="level"/>]: for each position the nearest earlier one on it, or -1.</summary>
    public int[] Chain(int level) => _previous[level];

    /// <summary>The highest level whose span is at most <paramref name="matched"/> bytes, from <paramref name="level"/> up.</summary>
    public static int LevelFor(int matched, int level)
    {
        while (level + 1 < Spans.Length && matched >= Spans[level + 1]) level++;
        return level;
    }

    /// <summary>A hash of image[p, p + span), read eight bytes at a time (the last piece masked to the span).</summary>
    private int Hash(int p, int span)
    {
        ulong h = 0;
        for (int k = 0; k < span; k += 8)
        {
            int count = Math.Min(8, span - k);
            ulong piece = p + k + 8 <= _image.Length
                ? BinaryPrimitives.ReadUInt64LittleEndian(_image.AsSpan(p + k)) & (ulong.MaxValue >> (64 - 8 * count))
                : Partial(p + k, count);
            h = (h ^ piece) * 0x9E3779B97F4A7C15UL;
        }
        return (int)(h >> (64 - HashBits));
    }

    private ulong Partial(int at, int count)
    {
        ulong value = 0;
        for (int k = count - 1; k >= 0; k--) value = (value << 8) | _image[at + k];
        return value;
    }
}
