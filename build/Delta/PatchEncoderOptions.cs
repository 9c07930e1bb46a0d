namespace SecureOta.Build.Delta;

/// <summary>Tuning of the patch encoder; the defaults were chosen on the shared firmware pairs.</summary>
internal sealed record PatchEncoderOptions
{
    /// <summary>
    /// Estimated coded bytes after which a segment ends at the next 4096-byte boundary: more segments
    /// cost code tables (about 150 bytes each) and give finer resume points.
    /// </summary>
    public int SegmentTargetBytes { get; init; } = 8 * 1024;

    /// <summary>Times each segment is coded; every pass after the first prices choices with the codes of the one before.</summary>
    public int PricingPasses { get; init; } = 2;

    public static PatchEncoderOptions Default { get; } = new();
}
