namespace SecureOta.Build.Delta;

/// <summary>A patch and what it is made of, for the bench.</summary>
public sealed record DeltaDiffResult(byte[] Patch, int Blocks, int Edits, int CopiedBytes, int LiteralBytes, IReadOnlyList<long> CostBits)
{
    /// <summary>Segments of the patch (each a resume point).</summary>
    public int Segments { get; init; }

    /// <summary>New-image bytes coded as matches and fills (copies from the new image itself).</summary>
    public int MatchedBytes { get; init; }

    /// <summary>Approximate bytes of the patch spent on <paramref name="category"/>.</summary>
    public long CostBytes(PatchCostCategory category) => CostBits[(int)category] / 8;
}
