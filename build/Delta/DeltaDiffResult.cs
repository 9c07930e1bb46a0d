namespace SecureOta.Build.Delta;

/// <summary>A patch and what it is made of, for the bench.</summary>
public sealed record DeltaDiffResult(byte[] Patch, int Blocks, int Edits, int CopiedBytes, int LiteralBytes, IReadOnlyList<long> CostBits)
{
    /// <summary>Approximate bytes of the patch spent on <paramref name="category"/>.</summary>
    public long CostBytes(PatchCostCategory category) => CostBits[(int)category] / 8;
}
