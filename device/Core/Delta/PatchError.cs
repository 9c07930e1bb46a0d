namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Every way a patch can be refused (docs/PROTOCOL.md section 11a). The set is closed and the values
    /// are fixed, so they can be logged or stored. Whatever the error, the device falls back to the full
    /// image; none of them can touch the active slot, which the patcher only reads.
    /// </summary>
    public enum PatchError
    {
        /// <summary>The patch ended before the new image was complete, or inside its header.</summary>
        Truncated = 1,

        /// <summary>The header does not start with the magic bytes "SODP".</summary>
        BadMagic = 2,

        /// <summary>The header names a format version this patcher does not implement, or sets reserved bytes.</summary>
        UnsupportedVersion = 3,

        /// <summary>The header declares an old or new image larger than the protocol allows (16 MiB).</summary>
        ImageTooLarge = 4,

        /// <summary>The base image's length is not the old size the patch was made for: it is for another base.</summary>
        BaseMismatch = 5,

        /// <summary>A copy or literal run would write past the declared new size.</summary>
        WritesPastEnd = 6,

        /// <summary>A copy run reads outside the old image.</summary>
        OldRangeOutOfBounds = 7,

        /// <summary>An edit lies outside the copy run it belongs to.</summary>
        EditOutsideRun = 8,

        /// <summary>An encoded number is larger than its field allows, or a choice is not one the format defines.</summary>
        NumberOutOfRange = 9,

        /// <summary>A block copies no byte (a block's copy length must be at least 1).</summary>
        EmptyBlock = 10,

        /// <summary>A segment's code table is malformed, or its bits match no code: corrupted or not a patch.</summary>
        CorruptStream = 11,

        /// <summary>Bytes follow the end of the patch.</summary>
        TrailingData = 12,

        /// <summary>A segment header declares an empty or misaligned segment, or its commands do not end exactly at its coded length.</summary>
        BadSegment = 13,

        /// <summary>A match copies from before the start of the new image (its distance exceeds the new bytes written).</summary>
        MatchOutOfWindow = 14,
    }
}
