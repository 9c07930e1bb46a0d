using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Cuts the operations into segments (docs/PROTOCOL.md section 11a.3): each ends at a multiple of 4096
/// (or the image's end), the first boundary after its estimated coded size reaches the target; an
/// operation across a boundary is split in two.
/// </summary>
internal static class PatchSegmenter
{
    public static List<PatchSegment> Split(List<PatchOp> ops, byte[] oldImage, byte[] newImage, int targetBytes)
    {
        var segments = new List<PatchSegment>();
        var current = new List<PatchOp>();
        int start = 0;
        double estimate = 0;
        int cut = -1;
        foreach (var whole in ops)
        {
            var op = whole;
            while (true)
            {
                if (cut < 0 && estimate >= targetBytes * 8.0)
                {
                    cut = NextBoundary(op.NewStart);
                    if (cut >= newImage.Length) cut = int.MaxValue;
                }
                if (cut >= 0 && op.NewStart >= cut)
                {
                    segments.Add(new PatchSegment(start, cut, current));
                    current = new List<PatchOp>();
                    start = cut;
                    estimate = 0;
                    cut = -1;
                    continue;
                }
                if (cut >= 0 && op.NewEnd > cut)
                {
                    current.Add(Playable(op.Before(cut)));
                    op = Playable(op.From(cut));
                    continue;
                }
                current.Add(op);
                estimate += EstimateBits(op, oldImage, newImage);
                break;
            }
        }
        if (current.Count > 0) segments.Add(new PatchSegment(start, newImage.Length, current));
        return segments;
    }

    /// <summary>A piece of a split fill shorter than a match can be is coded as literals.</summary>
    private static PatchOp Playable(PatchOp op) =>
        op.Kind == PatchOpKind.Match && op.Length < PatchFormat.MinMatch ? new PatchOp(PatchOpKind.Literal, op.NewStart, op.Length) : op;

    private static int NextBoundary(int position) =>
        (position + PatchFormat.SegmentAlignment - 1) / PatchFormat.SegmentAlignment * PatchFormat.SegmentAlignment;

    private static double EstimateBits(PatchOp op, byte[] oldImage, byte[] newImage)
    {
        switch (op.Kind)
        {
            case PatchOpKind.Literal: return 6.0 * op.Length;
            case PatchOpKind.Match: return 16;
            default:
                int mismatches = 0;
                for (int k = 0; k < op.Length; k++) if (oldImage[op.OldStart + k] != newImage[op.NewStart + k]) mismatches++;
                return 16 + 4.0 * mismatches;
        }
    }
}
