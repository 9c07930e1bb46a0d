using System;
using System.IO;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A base image read from a seekable stream (the active slot's file). It seeks only when a read
    /// does not continue where the last one ended, so a long copy run costs one native read per chunk.
    /// </summary>
    public sealed class StreamBaseImage : IBaseImage
    {
        private readonly Stream _stream;
        private readonly int _length;
        private long _position = -1;

        public StreamBaseImage(Stream stream, int length)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("the base image stream must be readable and seekable", "stream");
            if (length < 0) throw new ArgumentOutOfRangeException("length");
            _stream = stream;
            _length = length;
        }

        public int Length { get { return _length; } }

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (offset < 0 || count < 0 || offset > _length - count) throw new ArgumentOutOfRangeException("offset");
            if (_position != offset) _stream.Seek(offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int n = _stream.Read(buffer, bufferOffset + done, count - done);
                if (n <= 0) throw new IOException("the base image ended at " + (offset + done) + " of its " + _length + " bytes");
                done += n;
            }
            _position = (long)offset + count;
        }
    }
}
