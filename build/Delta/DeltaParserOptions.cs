namespace SecureOta.Build.Delta;

/// <summary>Tuning of <see cref="DeltaParser"/>; the defaults were chosen on real firmware pairs.</summary>
internal sealed record DeltaParserOptions
{
    /// <summary>How many more bytes an exact match elsewhere must explain than the current displacement before the parser switches.</summary>
    public int SwitchMargin { get; init; } = 8;

    /// <summary>Score of a byte a copy gets right.</summary>
    public int MatchWeight { get; init; } = 1;

    /// <summary>Penalty of a byte a copy gets wrong (it costs an edit).</summary>
    public int MismatchWeight { get; init; } = 1;

    public static DeltaParserOptions Default { get; } = new();
}
