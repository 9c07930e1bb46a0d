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

        /// <summary>Reads <paramref name="count"/> new-image bytes from <paramref name="position"/>, all before <see cref="Start"/> (written), into Buffer at <paramref name="index"/>.</summary>
        public void ReadBack(int position, int index, int count)
        {
            _target.Read(position, Buffer, index, count);
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
