namespace SecureOta.Build.Delta;

/// <summary>What a patch operation writes: base bytes with edits, literal bytes, or a copy of the new image's own bytes.</summary>
internal enum PatchOpKind
{
    Copy,
    Literal,
    Match,
}

/// <summary>
/// One operation of a patch, covering new[<see cref="NewStart"/>, +<see cref="Length"/>): a copy run from
/// old[<see cref="OldStart"/>, ...) (edits are found when it is coded), literals, or a match
/// <see cref="Distance"/> bytes back in the new image (1: a fill with the byte before).
/// </summary>
internal readonly record struct PatchOp(PatchOpKind Kind, int NewStart, int Length, int OldStart = 0, int Distance = 0)
{
    public int NewEnd => NewStart + Length;

    /// <summary>The part of this operation from <paramref name="at"/> on (a match goes on from the same distance back).</summary>
    public PatchOp From(int at) => this with { NewStart = at, Length = NewEnd - at, OldStart = Kind == PatchOpKind.Copy ? OldStart + (at - NewStart) : OldStart };

    /// <summary>The part of this operation before <paramref name="at"/>.</summary>
    public PatchOp Before(int at) => this with { Length = at - NewStart };
}
