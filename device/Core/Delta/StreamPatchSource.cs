using System;
using System.IO;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A patch read from a stream of its plain bytes, for tools and tests. On a device the update client
    /// supplies the patch from verified, decrypted records instead, never from unauthenticated storage.
    /// </summary>
    public sealed class StreamPatchSource : IPatchSource
    {
        private readonly Stream _stream;

        public StreamPatchSource(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (!stream.CanRead) throw new ArgumentException("the patch stream must be readable", "stream");
            _stream = stream;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            return _stream.Read(buffer, offset, count);
        }
    }
}
