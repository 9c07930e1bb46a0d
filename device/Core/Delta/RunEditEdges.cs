namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The edges of a copy run's edits (<see cref="CopyRunDecoder"/>), rare enough to be calls: an edit whose
    /// word the run's end cuts (docs/PROTOCOL.md 11a.5.1 step 6: n = min(4, c - at)), and the error of an
    /// edit that lies outside its run or names a candidate word it does not hold.
    /// </summary>
    internal static class RunEditEdges
    {
        /// <summary>The error of an edit <paramref name="gap"/> - 1 bytes after the one at window index <paramref name="last"/> (start - 1: none).</summary>
        public static PatchDataException OutsideRun(int gap, int last, int start, int length)
        {
            return new PatchDataException(PatchError.EditOutsideRun, "an edit " + (gap - 1) + " bytes after run offset " + (last + 1 - start) +
                " lies outside its copy run of " + length + " bytes.");
        }

        /// <summary>The error of a candidate edit whose candidate word the run does not hold after the edit at window index <paramref name="last"/> (start - 1: none).</summary>
        public static PatchDataException NoCandidate(int last, int start, int length)
        {
            return new PatchDataException(PatchError.EditOutsideRun, "a candidate edit names a candidate word from run offset " + (last + 1 - start) +
                " on that its copy run of " + length + " bytes does not hold.");
        }

        /// <summary>Adds <paramref name="value"/> into the little-endian word of <paramref name="width"/> (1 to 3) bytes at the run's end.</summary>
        public static void AddCut(byte[] buffer, int index, int width, int value)
        {
            int sum = 0;
            for (int k = 0; k < width; k++)
            {
                sum = buffer[index + k] + (value & 0xFF) + (sum >> 8);
                buffer[index + k] = (byte)sum;
                value >>= 8;
            }
        }
    }
}
