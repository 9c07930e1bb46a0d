namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Reads a copy run's base bytes into the output window for <see cref="CopyRunDecoder"/>, one native read
    /// per window-full, flushing full chunks as the run outgrows the window, and finds a candidate edit's
    /// word (docs/PROTOCOL.md section 11a.5.2) in what it loaded, loading more as the search needs it.
    /// </summary>
    internal sealed class CopyRunLoader
    {
        private readonly OutputWindow _window;
        private IBaseImage _base;

        public CopyRunLoader(OutputWindow window)
        {
            _window = window;
        }

        /// <summary>Native reads of the base since <see cref="Start"/>.</summary>
        public long Reads;

        /// <summary>The run offset loaded up to, after <see cref="LoadMore"/> or <see cref="FindCandidate"/>.</summary>
        public int Loaded;

        /// <summary>How far <see cref="FindCandidate"/>'s loads moved the window's indexes (a chunk flushed moves them 4096 down).</summary>
        public int Moved;

        /// <summary>Starts an application on <paramref name="baseImage"/> (null: drops the one before).</summary>
        public void Start(IBaseImage baseImage)
        {
            _base = baseImage;
            Reads = 0;
        }

        /// <summary>
        /// Reads the run from run offset <paramref name="loaded"/> until at least <paramref name="needed"/>
        /// is loaded (as much as the window takes), flushing full chunks; returns the new loaded offset.
        /// </summary>
        public int Load(int oldStart, int length, int loaded, int needed)
        {
            OutputWindow window = _window;
            while (loaded < needed)
            {
                // A full window holds the whole first chunk, and the pending edit's bytes (or the candidate
                // word searched for) lie after it, not loaded yet, so the chunk can be written.
                if (window.Fill == OutputWindow.Capacity) window.FlushFullChunk();
                int fill = window.Fill;
                int count = length - loaded;
                if (count > OutputWindow.Capacity - fill) count = OutputWindow.Capacity - fill;
                _base.Read(oldStart + loaded, window.Buffer, fill, count);
                window.Fill = fill + count;
                loaded += count;
                Reads++;
            }
            return loaded;
        }

        /// <summary>
        /// <see cref="Load"/>, keeping the new loaded offset in <see cref="Loaded"/>; returns how far the
        /// window's indexes moved.
        /// </summary>
        public int LoadMore(int oldStart, int length, int loaded, int needed)
        {
            int windowStart = _window.Start;
            Loaded = Load(oldStart, length, loaded, needed);
            return _window.Start - windowStart;
        }

        /// <summary>
        /// The window index of the (<paramref name="rank"/> + 1)-th candidate word from the first aligned
        /// index after the last edit at <paramref name="p"/>, in the run at window indexes
        /// [<paramref name="start"/>, <paramref name="end"/>) loaded to <paramref name="loadedEnd"/>. Window
        /// indexes are aligned like new offsets, as the window starts at a multiple of 4096. Sets
        /// <see cref="Moved"/> and <see cref="Loaded"/>; a run without that word is EditOutsideRun.
        /// </summary>
        public int FindCandidate(CandidateSet candidates, int oldStart, int length, int start, int end, int p, int loadedEnd, int rank)
        {
            byte[] buffer = _window.Buffer;
            int moved = 0;
            int q = (p + 4) & ~3;
            while (true)
            {
                int found = candidates.Find(buffer, q, (loadedEnd < end ? loadedEnd : end) - PatchFormat.EditWidth, rank);
                if (found >= 0)
                {
                    Moved = moved;
                    Loaded = loadedEnd - start;
                    return found;
                }
                rank = -1 - found;
                q = candidates.Stopped;
                if (q + PatchFormat.EditWidth > end) throw RunEditEdges.NoCandidate(p, start, length);
                int shift = LoadMore(oldStart, length, loadedEnd - start, q + PatchFormat.EditWidth - start);
                moved += shift;
                start -= shift;
                end -= shift;
                p -= shift;
                q -= shift;
                loadedEnd = start + Loaded;
            }
        }
    }
}
