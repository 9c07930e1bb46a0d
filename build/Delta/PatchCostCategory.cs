namespace SecureOta.Build.Delta;

/// <summary>What the bits of a patch are spent on, for the bench's breakdown.</summary>
public enum PatchCostCategory
{
    /// <summary>Seeks: where each copy run starts in the old image.</summary>
    Seeks,

    /// <summary>Copy run lengths.</summary>
    Lengths,

    /// <summary>Where edits are: the edit-follows flags and the gaps.</summary>
    EditPositions,

    /// <summary>What edits add.</summary>
    EditValues,

    /// <summary>Literal bytes.</summary>
    Literals,

    /// <summary>Matches and fills: copies from the new image itself.</summary>
    Matches,

    /// <summary>The segments' headers, code tables and padding.</summary>
    Tables,

    Count,
}
