namespace SecureOta.Build.Delta;

/// <summary>Tuning of the patch encoder; the defaults were chosen on the shared firmware pairs.</summary>
internal sealed record PatchEncoderOptions
{
    /// <summary>
    /// Largest estimated coded size of a segment. Segments are cut where the statistics change (each has
    /// code tables of its own); this limit keeps a resume point at least every 16 records of 4096 bytes,
    /// so a dropped connection downloads at most that much again.
    /// </summary>
    public int MaxSegmentBytes { get; init; } = 16 * 4096;

    /// <summary>Times each segment is coded; every pass after the first prices choices with the codes of the one before.</summary>
    public int PricingPasses { get; init; } = 2;

    public static PatchEncoderOptions Default { get; } = new();
}
