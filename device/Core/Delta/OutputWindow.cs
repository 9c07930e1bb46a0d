using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The patcher's output buffer: a window onto the new image that is filled by copy runs (read from
    /// the base image straight into it), edits and literals, and written to the target in large chunks.
    /// A flush may keep a few tail bytes back, so an edit that straddles the end of the buffer can still
    /// add into all of its bytes before they are written.
    /// </summary>
    internal sealed class OutputWindow
    {
        private readonly byte[] _buffer;
        private ITargetImage _target;
        private int _lastWrittenByte;

        public OutputWindow(int capacity)
        {
            _buffer = new byte[capacity];
        }

        public byte[] Buffer { get { return _buffer; } }

        public int Capacity { get { return _buffer.Length; } }

        /// <summary>Bytes of the window holding new-image data.</summary>
        public int Fill { get; set; }

        /// <summary>Offset in the new image of Buffer[0].</summary>
        public int Start { get; private set; }

        /// <summary>Write calls made on the target.</summary>
        public int Writes { get; private set; }

        public void Attach(ITargetImage target)
        {
            _target = target;
            Fill = 0;
            Start = 0;
            Writes = 0;
            _lastWrittenByte = 0;
        }

        /// <summary>The new-image byte before Buffer[index] (0 before the image's first byte).</summary>
        public int ByteBefore(int index)
        {
            return index > 0 ? _buffer[index - 1] : _lastWrittenByte;
        }

        /// <summary>Writes Buffer[0, keepFrom) to the target and moves the bytes from keepFrom to the front.</summary>
        public void Flush(int keepFrom)
        {
            if (keepFrom <= 0) return;
            _target.Write(_buffer, 0, keepFrom);
            Writes++;
            _lastWrittenByte = _buffer[keepFrom - 1];
            int kept = Fill - keepFrom;
            if (kept > 0) Array.Copy(_buffer, keepFrom, _buffer, 0, kept);
            Fill = kept;
            Start += keepFrom;
        }
    }
}
