namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Told by the patcher at the start of every segment, once every new byte before it has been handed
    /// to the target: nothing but the byte before it carries over a segment boundary (docs/PROTOCOL.md
    /// section 11a.3), so these three numbers and the new size are all a resumed patch needs.
    /// </summary>
    public interface ISegmentBoundaryHandler
    {
        /// <summary>A segment starts at patch offset <paramref name="patchOffset"/> and new-image position <paramref name="newPosition"/>.</summary>
        void SegmentStarts(long patchOffset, int newPosition, int byteBefore);
    }
}
