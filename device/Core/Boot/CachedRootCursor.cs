using System;
using System.Text;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The byte cursor of <see cref="CachedRootCodec"/>: one object that measures, writes or reads the
    /// cached root's fields, so the codec lists its fields once for all three. Each method takes the value
    /// to write (ignored when reading) and returns the value read (the same value when measuring or
    /// writing). Integers are big-endian; text is a 2-byte length and UTF-8. Reading never throws on bad
    /// bytes: a read past the end or a length out of bounds sets <see cref="Failed"/> and returns a default,
    /// and the codec then refuses the whole form.
    /// </summary>
    internal sealed class CachedRootCursor
    {
        private const int MaxTextBytes = 65535;

        private readonly byte[] _data;
        private readonly bool _reading;
        private int _position;
        private bool _failed;

        private CachedRootCursor(byte[] data, bool reading)
        {
            _data = data;
            _reading = reading;
        }

        /// <summary>Counts the bytes the fields take; nothing is stored.</summary>
        internal static CachedRootCursor ForMeasuring()
        {
            return new CachedRootCursor(null, false);
        }

        /// <summary>Writes the fields into <paramref name="data"/> (sized by a measuring pass).</summary>
        internal static CachedRootCursor ForWriting(byte[] data)
        {
            return new CachedRootCursor(data, false);
        }

        /// <summary>Reads the fields from <paramref name="data"/>.</summary>
        internal static CachedRootCursor ForReading(byte[] data)
        {
            return new CachedRootCursor(data, true);
        }

        internal bool IsReading { get { return _reading; } }

        /// <summary>Bytes measured, written or read so far.</summary>
        internal int Position { get { return _position; } }

        /// <summary>True once a read ran past the end or met a length out of bounds.</summary>
        internal bool Failed { get { return _failed; } }

        /// <summary>True when reading and every byte was consumed without a failure.</summary>
        internal bool EndedExactly { get { return !_failed && _position == _data.Length; } }

        internal int Byte(int value)
        {
            if (!Claim(1)) return 0;
            if (_reading) return _data[_position - 1];
            if (_data != null) _data[_position - 1] = (byte)value;
            return value;
        }

        internal long Int64(long value)
        {
            if (!Claim(8)) return 0;
            int start = _position - 8;
            if (_reading)
            {
                long read = 0;
                for (int i = 0; i < 8; i++) read = (read << 8) | _data[start + i];
                return read;
            }
            if (_data != null)
            {
                long rest = value;
                for (int i = 7; i >= 0; i--)
                {
                    _data[start + i] = (byte)rest;
                    rest >>= 8;
                }
            }
            return value;
        }

        /// <summary>Exactly <paramref name="length"/> bytes (a public key): copied out when reading.</summary>
        internal byte[] Fixed(byte[] value, int length)
        {
            if (!_reading && (value == null || value.Length != length)) throw new ArgumentException("a fixed field of " + length + " bytes", "value");
            if (!Claim(length)) return null;
            int start = _position - length;
            if (_reading)
            {
                byte[] read = new byte[length];
                Array.Copy(_data, start, read, 0, length);
                return read;
            }
            if (_data != null) Array.Copy(value, 0, _data, start, length);
            return value;
        }

        /// <summary>A string as a 2-byte length and its UTF-8 bytes (decoded natively when reading).</summary>
        internal string Text(string value)
        {
            byte[] utf8 = null;
            int length;
            if (_reading)
            {
                length = (Byte(0) << 8) | Byte(0);
            }
            else
            {
                if (value == null) throw new ArgumentNullException("value");
                utf8 = Encoding.UTF8.GetBytes(value);
                if (utf8.Length > MaxTextBytes) throw new ArgumentException("text longer than " + MaxTextBytes + " bytes", "value");
                length = utf8.Length;
                Byte(length >> 8);
                Byte(length);
            }
            if (!Claim(length)) return null;
            int start = _position - length;
            if (_reading) return Encoding.UTF8.GetString(_data, start, length);
            if (_data != null) Array.Copy(utf8, 0, _data, start, length);
            return value;
        }

        /// <summary>A count read back must lie in 1..max; a bad one fails the read (and writing one out of range is misuse).</summary>
        internal int Count(int value, int max)
        {
            if (!_reading && (value < 1 || value > max)) throw new ArgumentOutOfRangeException("value");
            int count = Byte(value);
            if (count < 1 || count > max)
            {
                _failed = true;
                return 0;
            }
            return count;
        }

        private bool Claim(int count)
        {
            if (_failed) return false;
            if (_data != null && count > _data.Length - _position)
            {
                if (!_reading) throw new InvalidOperationException("the cached root outgrew its measured size");
                _failed = true;
                return false;
            }
            _position += count;
            return true;
        }
    }
}
