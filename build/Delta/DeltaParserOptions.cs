namespace SecureOta.Build.Delta;

/// <summary>Tuning of <see cref="DeltaParser"/>; the defaults were chosen on real firmware pairs.</summary>
internal sealed record DeltaParserOptions
{
    /// <summary>How many more bytes an exact match elsewhere must explain than the current displacement before the parser switches.</summary>
    public int SwitchMargin { get; init; } = 3;

    /// <summary>The margin for a displacement that is not within <see cref="NearDistance"/> of a recent one.</summary>
    public int FarSwitchMargin { get; init; } = 7;

    /// <summary>How close to a recent displacement a new one must be to count as near (its seek codes in a few bits).</summary>
    public int NearDistance { get; init; } = 32;

    /// <summary>Copies shorter than this become literals: their block would cost more than their bytes.</summary>
    public int MinimumCopy { get; init; } = 4;

    /// <summary>Score of a byte a copy gets right.</summary>
    public int MatchWeight { get; init; } = 3;

    /// <summary>Penalty of a byte a copy gets wrong (it costs an edit).</summary>
    public int MismatchWeight { get; init; } = 2;

    public static DeltaParserOptions Default { get; } = new();
}
