using System;
using System.IO;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// Reads an exact number of bytes in slices of at most 4 KiB: nanoFramework's FileStream.Read
    /// allocates a temporary array as large as each request, so a large single read would need the
    /// memory twice. Portable: host-tested.
    /// </summary>
    public static class StreamReads
    {
        public const int SliceSize = 4096;

        /// <summary>Fills buffer[offset, offset+count) or throws IOException when the stream ends first.</summary>
        public static void Fill(Stream stream, byte[] buffer, int offset, int count)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException("count");
            int end = offset + count;
            while (offset < end)
            {
                int want = end - offset < SliceSize ? end - offset : SliceSize;
                int read = stream.Read(buffer, offset, want);
                if (read <= 0) throw new IOException("the stream ended " + (end - offset) + " bytes early");
                offset += read;
            }
        }
    }
}
