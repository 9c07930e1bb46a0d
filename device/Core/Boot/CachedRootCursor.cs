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

        /// <summary>Marks the form as bad: a value no writer of this format produces.</summary>
        internal void Fail()
        {
            _failed = true;
        }

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

        /// <summary>
        /// A string as a 2-byte length and its UTF-8 bytes (decoded natively when reading). Writing encodes
        /// straight into the form: measuring and writing allocate nothing (PROTOCOL.md section 11, Heap).
        /// </summary>
        internal string Text(string value)
        {
            int length;
            if (_reading)
            {
                length = (Byte(0) << 8) | Byte(0);
            }
            else
            {
                if (value == null) throw new ArgumentNullException("value");
                length = Utf8(value, null, 0);
                if (length > MaxTextBytes) throw new ArgumentException("text longer than " + MaxTextBytes + " bytes", "value");
                Byte(length >> 8);
                Byte(length);
            }
            if (!Claim(length)) return null;
            int start = _position - length;
            if (_reading) return Encoding.UTF8.GetString(_data, start, length);
            if (_data != null) Utf8(value, _data, start);
            return value;
        }

        /// <summary>The UTF-8 length of <paramref name="value"/>, written at <paramref name="offset"/> when <paramref name="output"/> is not null.</summary>
        private static int Utf8(string value, byte[] output, int offset)
        {
            int at = offset;
            for (int i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < value.Length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (value[++i] - 0xDC00);
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // A lone surrogate never comes out of a verified JSON document: writing it would be misuse.
                    throw new ArgumentException("text holds a lone surrogate", "value");
                }
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (output != null)
                {
                    if (size == 1) output[at] = (byte)c;
                    else if (size == 2)
                    {
                        output[at] = (byte)(0xC0 | (c >> 6));
                        output[at + 1] = (byte)(0x80 | (c & 0x3F));
                    }
                    else if (size == 3)
                    {
                        output[at] = (byte)(0xE0 | (c >> 12));
                        output[at + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                        output[at + 2] = (byte)(0x80 | (c & 0x3F));
                    }
                    else
                    {
                        output[at] = (byte)(0xF0 | (c >> 18));
                        output[at + 1] = (byte)(0x80 | ((c >> 12) & 0x3F));
                        output[at + 2] = (byte)(0x80 | ((c >> 6) & 0x3F));
                        output[at + 3] = (byte)(0x80 | (c & 0x3F));
                    }
                }
                at += size;
            }
            return at - offset;
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
