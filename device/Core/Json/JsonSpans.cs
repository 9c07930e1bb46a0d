namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// Where the first containers and long strings of a checked document end, noted by <see cref="JsonValidator"/>
    /// as it passes them, so the views (<see cref="JsonObject"/>, <see cref="JsonArray"/>) skip a value they do
    /// not read in one look-up instead of a second pass over its bytes. Entries are in document order (a container
    /// takes its slot when it opens), found by binary search. The table is fixed at <see cref="Capacity"/> entries:
    /// a document with more (junk, say) is read correctly, only by scanning the rest.
    /// </summary>
    internal sealed class JsonSpans
    {
        /// <summary>Most values noted per document.</summary>
        public const int Capacity = 32;

        /// <summary>Shortest string worth noting: skipping a shorter one costs less than a look-up.</summary>
        public const int MinStringLength = 24;

        // Start and end (just after the value) of each noted value, pairwise.
        private readonly int[] _spans = new int[2 * Capacity];
        private int _count;

        /// <summary>Takes the next slot for a value starting at start; -1 when the table is full.</summary>
        public int Reserve(int start)
        {
            if (_count == Capacity) return -1;
            _spans[2 * _count] = start;
            _spans[2 * _count + 1] = -1;
            return _count++;
        }

        /// <summary>Records where the value of a reserved slot ends.</summary>
        public void Close(int slot, int end)
        {
            if (slot >= 0) _spans[2 * slot + 1] = end;
        }

        /// <summary>Where the noted value starting at start ends, or -1 when it was not noted.</summary>
        public int EndOf(int start)
        {
            int low = 0;
            int high = _count - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                int at = _spans[2 * middle];
                if (at == start) return _spans[2 * middle + 1];
                if (at < start) low = middle + 1;
                else high = middle - 1;
            }
            return -1;
        }
    }
}
