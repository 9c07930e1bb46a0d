using System;
using System.IO;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>A target image written to a stream (the inactive slot's file), in the order the patcher produces it.</summary>
    public sealed class StreamTargetImage : ITargetImage
    {
        private readonly Stream _stream;

        public StreamTargetImage(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (!stream.CanWrite) throw new ArgumentException("the target stream must be writable", "stream");
            _stream = stream;
        }

        /// <summary>Bytes written so far.</summary>
        public long Length { get; private set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            _stream.Write(buffer, offset, count);
            Length += count;
        }
    }
}
