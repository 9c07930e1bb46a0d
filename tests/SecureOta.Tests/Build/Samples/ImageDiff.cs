namespace SecureOta.Tests.Build.Samples;

/// <summary>
/// Two ways to count changed bytes between firmware images: at the same offsets (what a naive
/// patch sees), and after re-aligning on unique 16-byte anchors (roughly what a good delta sees).
/// </summary>
internal static class ImageDiff
{
    private const int Window = 16;
    private const int Step = 4;

    public static double ChangedAtSameOffset(byte[] older, byte[] newer) =>
        (double)Enumerable.Range(0, newer.Length).Count(i => i >= older.Length || older[i] != newer[i]) / newer.Length;

    public static double ChangedAfterAlignment(byte[] older, byte[] newer)
    {
        // Unique windows of the old image, so an anchor says unambiguously where new bytes came from.
        var index = new Dictionary<(ulong, ulong), int>();
        for (var i = 0; i + Window <= older.Length; i += Step)
        {
            var key = KeyAt(older, i);
            if (!index.TryAdd(key, i))
            {
                index[key] = -1;
            }
        }

        var anchors = new List<(int Position, int Shift)>();
        for (var j = 0; j + Window <= newer.Length; j += Step)
        {
            if (index.TryGetValue(KeyAt(newer, j), out var i) && i >= 0)
            {
                anchors.Add((j, i - j));
            }
        }

        // A byte is unchanged if the shift of the anchor before or after it maps it onto an equal old byte.
        var unchanged = 0;
        var next = 0;
        for (var position = 0; position < newer.Length; position++)
        {
            while (next < anchors.Count && anchors[next].Position <= position)
            {
                next++;
            }

            if ((next > 0 && SameAt(older, newer, position, anchors[next - 1].Shift))
                || (next < anchors.Count && SameAt(older, newer, position, anchors[next].Shift)))
            {
                unchanged++;
            }
        }

        return 1.0 - ((double)unchanged / newer.Length);
    }

    private static bool SameAt(byte[] older, byte[] newer, int position, int shift) =>
        position + shift >= 0 && position + shift < older.Length && older[position + shift] == newer[position];

    private static (ulong, ulong) KeyAt(byte[] bytes, int offset) =>
        (BitConverter.ToUInt64(bytes, offset), BitConverter.ToUInt64(bytes, offset + 8));
}
