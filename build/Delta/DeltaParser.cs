namespace SecureOta.Build.Delta;

/// <summary>
/// Cuts the new image into blocks of approximate copies from the old image and literal runs, in the
/// manner of bsdiff (Colin Percival, "Naive differences of executable code", 2003): follow the current
/// displacement while it keeps explaining the new bytes, switch when an exact match elsewhere beats it
/// by a margin, and place each boundary where the copy's matching bytes stop paying for its mismatches.
/// </summary>
internal sealed class DeltaParser
{
    private readonly byte[] _old;
    private readonly byte[] _new;
    private readonly SuffixMatcher _matcher;
    private readonly DeltaParserOptions _options;

    /// <summary>The displacements of the last blocks, most recent first: returning near one of them is a cheap seek.</summary>
    private readonly int[] _recent = new int[4];

    private DeltaParser(byte[] oldImage, byte[] newImage, DeltaParserOptions options)
    {
        _old = oldImage;
        _new = newImage;
        _options = options;
        _matcher = new SuffixMatcher(oldImage);
    }

    public static List<PatchBlock> Parse(byte[] oldImage, byte[] newImage, DeltaParserOptions options) =>
        new DeltaParser(oldImage, newImage, options).Run();

    private List<PatchBlock> Run()
    {
        var blocks = new List<PatchBlock>();
        int n = _new.Length;
        int scan = 0, length = 0, position = 0;
        int lastScan = 0, lastPosition = 0, lastOffset = 0;
        while (scan < n)
        {
            // Look for the next place where an exact match elsewhere explains clearly more bytes than the
            // current displacement does over the same stretch (oldScore counts the bytes the current
            // displacement gets right over [scan, scan + length)). A match the current displacement
            // explains equally well is just more of the current copy: skip over it.
            int oldScore = 0;
            scan += length;
            int scored = scan;
            for (; scan < n; scan++)
            {
                length = _matcher.LongestMatch(_new.AsSpan(scan), out position);
                for (; scored < scan + length; scored++)
                {
                    if (Matches(scored, lastOffset)) oldScore++;
                }
                if ((length == oldScore && length != 0) || length > oldScore + SwitchMargin(position - scan)) break;
                if (Matches(scan, lastOffset)) oldScore--;
            }
            if (length == oldScore && scan != n) continue;

            // Close the current copy: it runs forward from lastScan as far as it pays, the new match
            // reaches backward from scan as far as it pays, and what neither covers becomes literals.

            int forward = ExtendForward(lastScan, lastPosition, scan);
            int backward = scan < n ? ExtendBackward(scan, position, lastScan) : 0;
            if (lastScan + forward > scan - backward)
            {
                int overlap = lastScan + forward - (scan - backward);
                int split = SplitOverlap(lastScan + forward - overlap, lastPosition + forward - overlap, scan - backward, position - backward, overlap);
                forward += split - overlap;
                backward -= split;
            }
            int literal = scan - backward - (lastScan + forward);
            if (forward + literal > 0) blocks.Add(new PatchBlock(lastPosition, forward, literal));
            lastScan = scan - backward;
            lastPosition = position - backward;
            lastOffset = position - scan;
            Remember(lastOffset);
        }
        return MergeShortCopies(blocks);
    }

    /// <summary>Turns copies shorter than the option's minimum into literals of the block before them.</summary>
    private List<PatchBlock> MergeShortCopies(List<PatchBlock> blocks)
    {
        var merged = new List<PatchBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (merged.Count > 0 && block.CopyLength < _options.MinimumCopy)
            {
                var previous = merged[^1];
                merged[^1] = previous with { LiteralLength = previous.LiteralLength + block.CopyLength + block.LiteralLength };
            }
            else merged.Add(block);
        }
        return merged;
    }

    /// <summary>A switch to a displacement near a recent one costs a few bits; one elsewhere costs a full seek.</summary>
    private int SwitchMargin(int displacement)
    {
        foreach (var recent in _recent)
        {
            if (Math.Abs(displacement - recent) <= _options.NearDistance) return _options.SwitchMargin;
        }
        return _options.FarSwitchMargin;
    }

    private void Remember(int displacement)
    {
        int at = Array.IndexOf(_recent, displacement);
        if (at < 0) at = _recent.Length - 1;
        Array.Copy(_recent, 0, _recent, 1, at);
        _recent[0] = displacement;
    }

    private bool Matches(int newIndex, int offset)
    {
        long oldIndex = (long)newIndex + offset;
        return oldIndex >= 0 && oldIndex < _old.Length && _old[oldIndex] == _new[newIndex];
    }

    /// <summary>How far the copy at (newStart, oldStart) should run towards <paramref name="limit"/>: the best-scoring prefix.</summary>
    private int ExtendForward(int newStart, int oldStart, int limit)
    {
        int score = 0, bestScore = 0, best = 0;
        for (int i = 0; newStart + i < limit && oldStart + i < _old.Length; i++)
        {
            score += _old[oldStart + i] == _new[newStart + i] ? _options.MatchWeight : -_options.MismatchWeight;
            if (score > bestScore)
            {
                bestScore = score;
                best = i + 1;
            }
        }
        return best;
    }

    /// <summary>How far the match at (newEnd, oldEnd) should reach back towards <paramref name="limit"/>: the best-scoring suffix.</summary>
    private int ExtendBackward(int newEnd, int oldEnd, int limit)
    {
        int score = 0, bestScore = 0, best = 0;
        for (int i = 1; newEnd - i >= limit && oldEnd - i >= 0; i++)
        {
            score += _old[oldEnd - i] == _new[newEnd - i] ? _options.MatchWeight : -_options.MismatchWeight;
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /// <summary>Where in an overlap of two copies the first should hand over to the second: the split that matches most.</summary>
    private int SplitOverlap(int newA, int oldA, int newB, int oldB, int overlap)
    {
        int score = 0, bestScore = 0, best = 0;
        for (int i = 0; i < overlap; i++)
        {
            if (_new[newA + i] == _old[oldA + i]) score++;
            if (_new[newB + i] == _old[oldB + i]) score--;
            if (score > bestScore)
            {
                bestScore = score;
                best = i + 1;
            }
        }
        return best;
    }
}
