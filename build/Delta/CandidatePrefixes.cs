using System.Buffers.Binary;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// A segment's candidate prefixes (docs/PROTOCOL.md section 11a.5.2): the top 12 bits of the words an
/// edit is likely to hit. Firmware that moved code or data changes every pointer into the moved region,
/// and those pointers sit in aligned words whose top bits name the region; an edit at such a word can
/// then be coded as "the next candidate" instead of by its distance. Chosen from the segment's copy runs:
/// the prefixes whose aligned words change often (at least one in three, or two, or four; at least 8
/// times), the four that change most, in increasing order.
/// </summary>
internal sealed class CandidatePrefixes
{
    private const int MinChanged = 8;
    private const int Prefixes = 1 << PatchFormat.CandidatePrefixBits;
    private const int PrefixShift = 32 - PatchFormat.CandidatePrefixBits;

    private readonly bool[] _member = new bool[Prefixes];

    private CandidatePrefixes(int[] values)
    {
        Values = values;
        foreach (int value in values) _member[value] = true;
    }

    /// <summary>The prefixes in increasing order, as the segment lists them.</summary>
    public int[] Values { get; }

    /// <summary>The prefixes of words that change in at least one of three (see the class comment).</summary>
    public static CandidatePrefixes Choose(byte[] oldImage, byte[] newImage, IReadOnlyList<PatchOp> ops) => Options(oldImage, newImage, ops)[0];

    /// <summary>
    /// The distinct prefix sets for words that change in at least one of three, of two and of four (in
    /// that order): which is smallest depends on how the unchanged words with those prefixes lie between
    /// the edits, so the encoder codes the segment with each and keeps the smallest.
    /// </summary>
    public static List<CandidatePrefixes> Options(byte[] oldImage, byte[] newImage, IReadOnlyList<PatchOp> ops)
    {
        var changed = new int[Prefixes];
        var words = new int[Prefixes];
        foreach (var op in ops)
        {
            if (op.Kind != PatchOpKind.Copy) continue;
            for (int at = (op.NewStart + 3) & ~3; at + PatchFormat.EditWidth <= op.NewEnd; at += PatchFormat.EditWidth)
            {
                uint before = BinaryPrimitives.ReadUInt32LittleEndian(oldImage.AsSpan(op.OldStart + at - op.NewStart));
                int prefix = (int)(before >> PrefixShift);
                words[prefix]++;
                if (before != BinaryPrimitives.ReadUInt32LittleEndian(newImage.AsSpan(at))) changed[prefix]++;
            }
        }
        // Most segments have a handful of prefixes that change often enough: the thresholds look only at those.
        var often = new List<int>();
        for (int p = 0; p < Prefixes; p++)
        {
            if (changed[p] >= MinChanged) often.Add(p);
        }
        var options = new List<CandidatePrefixes>();
        foreach (int oneIn in new[] { 3, 2, 4 })
        {
            var chosen = often
                .Where(p => (long)oneIn * changed[p] >= words[p])
                .OrderByDescending(p => changed[p]).ThenBy(p => p)
                .Take(PatchFormat.MaxCandidatePrefixes)
                .Order()
                .ToArray();
            if (!options.Any(o => o.Values.AsSpan().SequenceEqual(chosen))) options.Add(new CandidatePrefixes(chosen));
        }
        return options;
    }

    /// <summary>Whether the little-endian word at <paramref name="at"/> of <paramref name="bytes"/> starts with one of the prefixes.</summary>
    private bool IsCandidate(ReadOnlySpan<byte> bytes, int at) =>
        _member[(bytes[at + 3] << 4) | (bytes[at + 2] >> 4)];

    /// <summary>
    /// The rank (0 to 3) of the word at run offset <paramref name="at"/> among the candidate words of
    /// <paramref name="run"/> (new offset <paramref name="newStart"/>, <paramref name="length"/> bytes) from
    /// the first aligned offset at or after <paramref name="from"/>; -1 when it is no candidate or has a
    /// higher rank.
    /// </summary>
    public int Rank(ReadOnlySpan<byte> run, int newStart, int length, int from, int at)
    {
        if (Values.Length == 0 || ((newStart + at) & 3) != 0 || at + PatchFormat.EditWidth > length) return -1;
        int rank = 0;
        for (int q = from + ((-(newStart + from)) & 3); q <= at; q += PatchFormat.EditWidth)
        {
            if (!IsCandidate(run, q)) continue;
            if (q == at) return rank;
            if (++rank == PatchFormat.CandidateRanks) return -1;
        }
        return -1;
    }
}
