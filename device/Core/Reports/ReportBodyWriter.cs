using System;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// Writes a report body (docs/PROTOCOL.md section 11d.2) into one buffer allocated once: compact JSON,
    /// members in the documented order, optional members only when set. Every string was cleaned to
    /// printable ASCII without '"' or '\' (<see cref="ReportText"/>), so characters are written as bytes with
    /// no escaping and the body is exactly what the MAC covers. The largest body is about 560 bytes.
    /// </summary>
    public sealed class ReportBodyWriter
    {
        /// <summary>The protocol's cap on a body.</summary>
        public const int MaxBodySize = 1024;

        public const int Spec = 1;

        private readonly byte[] _buffer = new byte[MaxBodySize];
        private readonly char[] _digits = new char[20];
        private int _length;

        /// <summary>The body written last; bytes [0, Length) are valid.</summary>
        public byte[] Buffer { get { return _buffer; } }

        public int Length { get { return _length; } }

        /// <summary>Writes the body of <paramref name="entry"/> sent with <paramref name="counter"/>; returns its length.</summary>
        public int Write(ReportEntry entry, string deviceId, long counter, string channel)
        {
            if (entry == null) throw new ArgumentNullException("entry");
            if (deviceId == null) throw new ArgumentNullException("deviceId");
            if (counter < 1) throw new ArgumentOutOfRangeException("counter");
            _length = 0;
            Raw("{\"spec\":");
            Number(Spec);
            Member("device", deviceId);
            Raw(",\"counter\":");
            Number(counter);
            Member("kind", ReportKinds.Name(entry.Kind));
            Member("channel", ReportText.Clean(channel, 32, "unknown"));
            Member("version", entry.Version);
            Member("running", entry.Running);
            if (entry.Artifact != null) Member("artifact", entry.Artifact);
            if (entry.Check != null) Member("check", entry.Check);
            if (entry.Reason != null) Member("reason", entry.Reason);
            if (entry.UptimeSeconds >= 0)
            {
                Raw(",\"uptime\":");
                Number(entry.UptimeSeconds);
            }
            Raw("}");
            return _length;
        }

        private void Member(string name, string value)
        {
            Raw(",\"");
            Raw(name);
            Raw("\":\"");
            Raw(value);
            Raw("\"");
        }

        private void Raw(string text)
        {
            if (_length + text.Length > MaxBodySize) throw new InvalidOperationException("a report body is at most 1024 bytes");
            for (int i = 0; i < text.Length; i++) _buffer[_length + i] = (byte)text[i];
            _length += text.Length;
        }

        private void Number(long value)
        {
            int count = 0;
            do
            {
                _digits[count++] = (char)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value > 0);
            if (_length + count > MaxBodySize) throw new InvalidOperationException("a report body is at most 1024 bytes");
            for (int i = 0; i < count; i++) _buffer[_length + i] = (byte)_digits[count - 1 - i];
            _length += count;
        }
    }
}
