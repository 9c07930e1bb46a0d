using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The patcher's output buffer: a window onto the new image that copy runs (read from the base image
    /// straight into it), edits and literals fill, written to the target in chunks of exactly
    /// <see cref="ChunkSize"/> bytes that start at multiples of it (the last chunk may be shorter), so a
    /// caller can fold the image digest and program flash pages chunk by chunk. Three bytes beyond the
    /// chunk let an edit that straddles the chunk's end add into all of its word before the chunk is written.
    /// </summary>
    internal sealed class OutputWindow
    {
        public const int ChunkSize = 4096;

        /// <summary>A chunk plus the last three bytes of a four-byte edit word that starts inside it.</summary>
        public const int Capacity = ChunkSize + PatchFormat.EditWidth - 1;

        // Public fields, not properties: the patcher's loops read them per edit, and on the device's
        // interpreter a property access is a call.

        public readonly byte[] Buffer = new byte[Capacity];

        /// <summary>Bytes of the window holding new-image data.</summary>
        public int Fill;

        /// <summary>Offset in the new image of Buffer[0]: always a multiple of <see cref="ChunkSize"/>.</summary>
        public int Start;

        /// <summary>The last byte written to the target (0 before the first write).</summary>
        public int LastWrittenByte;

        private ITargetImage _target;

        /// <summary>Starts at new-image <paramref name="start"/> (a multiple of <see cref="ChunkSize"/>) after <paramref name="byteBefore"/>.</summary>
        public void Attach(ITargetImage target, int start, int byteBefore)
        {
            _target = target;
            Fill = 0;
            Start = start;
            LastWrittenByte = byteBefore;
        }

        /// <summary>The new-image byte before Buffer[index] (0 before the image's first byte).</summary>
        public int ByteBefore(int index)
        {
            return index > 0 ? Buffer[index - 1] : LastWrittenByte;
        }

        /// <summary>Writes the first chunk if the window holds all of it, and moves the bytes after it to the front.</summary>
        public void FlushFullChunk()
        {
            if (Fill < ChunkSize) return;
            _target.Write(Buffer, 0, ChunkSize);
            LastWrittenByte = Buffer[ChunkSize - 1];
            int kept = Fill - ChunkSize;
            if (kept > 0) Array.Copy(Buffer, ChunkSize, Buffer, 0, kept);
            Fill = kept;
            Start += ChunkSize;
        }

        /// <summary>
        /// Appends a copy of <paramref name="length"/> new-image bytes from <paramref name="origin"/> (that many
        /// bytes back is <paramref name="distance"/>), piece by piece, each piece one native call: bytes before
        /// the window are read back from the target (already written), bytes inside it move by Array.Copy.
        /// Used for a match that starts before the window or crosses its chunk's end.
        /// </summary>
        public void AppendEarlier(int origin, int distance, int length)
        {
            byte[] buffer = Buffer;
            int source = origin;
            int left = length;
            while (left > 0)
            {
                FlushFullChunk();
                int fill = Fill;
                int start = Start;
                int piece = ChunkSize - fill;
                if (piece > left) piece = left;
                if (source < start)
                {
                    // Written already: read it back, up to the window's start, in one call.
                    if (piece > start - source) piece = start - source;
                    _target.Read(source, buffer, fill, piece);
                }
                else
                {
                    // The bytes from origin on repeat with period distance: copy from the earliest byte of the same
                    // phase still in the window, so each copy may take everything written since (no overlap).
                    int low = origin > start ? origin : start;
                    int from = source - (source - low) / distance * distance;
                    if (piece > start + fill - from) piece = start + fill - from;
                    Array.Copy(buffer, from - start, buffer, fill, piece);
                }
                Fill = fill + piece;
                source += piece;
                left -= piece;
            }
        }

        /// <summary>Appends the byte before the window's end <paramref name="length"/> times, doubling each Array.Copy.</summary>
        public void AppendFill(int length)
        {
            byte[] buffer = Buffer;
            int value = ByteBefore(Fill);
            int left = length;
            while (left > 0)
            {
                FlushFullChunk();
                int fill = Fill;
                int piece = ChunkSize - fill;
                if (piece > left) piece = left;
                buffer[fill] = (byte)value;
                int done = 1;
                while (done < piece)
                {
                    int step = done < piece - done ? done : piece - done;
                    Array.Copy(buffer, fill, buffer, fill + done, step);
                    done += step;
                }
                Fill = fill + piece;
                left -= piece;
            }
        }

        /// <summary>Writes everything left: at the end of the image.</summary>
        public void FlushAll()
        {
            FlushFullChunk();
            if (Fill == 0) return;
            _target.Write(Buffer, 0, Fill);
            Start += Fill;
            Fill = 0;
        }
    }
}
