using System;
using System.IO;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A target image written to a stream (the inactive slot's file), in the order the patcher produces it,
    /// from the stream's position when it is given. Matches read earlier bytes back through the same
    /// stream, so it must be readable and seekable when the patch has matches from before the output window.
    /// </summary>
    public sealed class StreamTargetImage : ITargetImage
    {
        private readonly Stream _stream;
        private readonly long _origin;

        public StreamTargetImage(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (!stream.CanWrite) throw new ArgumentException("the target stream must be writable", "stream");
            _stream = stream;
            _origin = stream.CanSeek ? stream.Position : 0;
        }

        /// <summary>Bytes written so far.</summary>
        public long Length { get; private set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            _stream.Write(buffer, offset, count);
            Length += count;
        }

        public void Read(int position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || count < 0 || position > Length - count)
                throw new ArgumentOutOfRangeException("position", "only bytes already written can be read back");
            if (!_stream.CanRead || !_stream.CanSeek)
                throw new NotSupportedException("the patch copies earlier bytes of the new image, which needs a readable, seekable target stream");
            long end = _stream.Position;
            _stream.Seek(_origin + position, SeekOrigin.Begin);
            while (count > 0)
            {
                int read = _stream.Read(buffer, offset, count);
                if (read <= 0) throw new IOException("the target stream ended before the bytes written to it");
                offset += read;
                count -= read;
            }
            _stream.Seek(end, SeekOrigin.Begin);
        }
    }
}
