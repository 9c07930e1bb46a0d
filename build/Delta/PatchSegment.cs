namespace SecureOta.Build.Delta;

/// <summary>The operations of one segment: they rebuild new[<see cref="Start"/>, <see cref="End"/>).</summary>
internal sealed record PatchSegment(int Start, int End, List<PatchOp> Ops);
