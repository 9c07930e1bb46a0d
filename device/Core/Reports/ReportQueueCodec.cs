using System;
using System.Text;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// The report state's bytes on flash (docs/PROTOCOL.md section 11d.5): one fixed-size record of
    /// <see cref="EncodedSize"/> bytes, integers big-endian, strings as a length byte and printable ASCII,
    /// closed by HMAC("SecureOta/v2/report-queue", everything before). The HMAC key is public: it catches
    /// torn and damaged copies, it authenticates nothing.
    /// </summary>
    public static class ReportQueueCodec
    {
        public const byte Format = 0x01;
        public const int EntrySize = 272;
        public const int HeaderSize = 286;
        public const int DigestOffset = HeaderSize + ReportQueueState.Capacity * EntrySize;
        public const int EncodedSize = DigestOffset + 32;

        private const int SlotSize = 97;
        private static readonly byte[] DigestKey = Encoding.UTF8.GetBytes("SecureOta/v2/report-queue");

        /// <summary>Writes the state into buffer[0, EncodedSize); unused entry space is zero.</summary>
        public static void Encode(ReportQueueState state, IHmacSha256 hmac, byte[] buffer)
        {
            Array.Clear(buffer, 0, EncodedSize);
            buffer[0] = Format;
            WriteLong(buffer, 1, state.WriteSequence);
            WriteLong(buffer, 9, state.Counter);
            WriteUInt(buffer, 17, state.Dropped);
            WriteUInt(buffer, 21, state.Refused);
            buffer[25] = (byte)(state.LastRefusal >> 8);
            buffer[26] = (byte)state.LastRefusal;
            Array.Copy(state.CollectorKey, 0, buffer, 27, 32);
            Array.Copy(state.MacKey, 0, buffer, 59, 32);
            for (int i = 0; i < 2; i++)
            {
                int at = 91 + i * SlotSize;
                Array.Copy(state.SlotDigest(i), 0, buffer, at, 32);
                WriteText(buffer, at + 32, state.SlotVersion(i), ReportEntry.MaxVersionLength);
            }
            buffer[285] = (byte)state.Count;
            for (int i = 0; i < state.Count; i++) EncodeEntry(state.Get(i), buffer, HeaderSize + i * EntrySize);
            hmac.Compute(DigestKey, buffer, 0, DigestOffset, buffer, DigestOffset);
        }

        /// <summary>
        /// Reads a copy into <paramref name="state"/>; false (state unchanged or partly filled: reset it) when
        /// the length, format, digest (constant time) or any field is wrong.
        /// </summary>
        public static bool TryDecode(byte[] buffer, int count, IHmacSha256 hmac, byte[] scratch, ReportQueueState state)
        {
            if (count != EncodedSize || buffer[0] != Format) return false;
            hmac.Compute(DigestKey, buffer, 0, DigestOffset, scratch, 0);
            if (!ConstantTime.AreEqual(scratch, 0, buffer, DigestOffset, 32)) return false;
            int entries = buffer[285];
            if (entries > ReportQueueState.Capacity) return false;

            state.Reset();
            state.WriteSequence = ReadLong(buffer, 1);
            state.Counter = ReadLong(buffer, 9);
            if (state.WriteSequence < 0 || state.Counter < 0) return false;
            state.Dropped = ReadUInt(buffer, 17);
            state.Refused = ReadUInt(buffer, 21);
            state.LastRefusal = (buffer[25] << 8) | buffer[26];
            byte[] collectorKey = new byte[32];
            byte[] macKey = new byte[32];
            Array.Copy(buffer, 27, collectorKey, 0, 32);
            Array.Copy(buffer, 59, macKey, 0, 32);
            state.SetKeys(collectorKey, macKey);
            Array.Clear(macKey, 0, 32);
            for (int i = 0; i < 2; i++)
            {
                int at = 91 + i * SlotSize;
                byte[] digest = new byte[32];
                Array.Copy(buffer, at, digest, 0, 32);
                string version;
                if (!TryReadText(buffer, at + 32, ReportEntry.MaxVersionLength, out version)) return false;
                state.SetSlot(i, digest, version);
            }
            for (int i = 0; i < entries; i++)
            {
                ReportEntry entry;
                if (!TryDecodeEntry(buffer, HeaderSize + i * EntrySize, out entry)) return false;
                state.Add(entry);
            }
            return true;
        }

        private static void EncodeEntry(ReportEntry entry, byte[] buffer, int at)
        {
            buffer[at] = (byte)entry.Kind;
            buffer[at + 1] = ReportArtifacts.Code(entry.Artifact);
            WriteLong(buffer, at + 2, entry.UptimeSeconds);
            WriteText(buffer, at + 10, entry.Version, ReportEntry.MaxVersionLength);
            WriteText(buffer, at + 75, entry.Running, ReportEntry.MaxVersionLength);
            WriteText(buffer, at + 140, entry.Check, ReportEntry.MaxCheckLength);
            WriteText(buffer, at + 156, entry.Reason, ReportEntry.MaxReasonLength);
        }

        private static bool TryDecodeEntry(byte[] buffer, int at, out ReportEntry entry)
        {
            entry = null;
            if (!ReportKinds.IsDefined(buffer[at]) || buffer[at + 1] > 2) return false;
            string version, running, check, reason;
            if (!TryReadText(buffer, at + 10, ReportEntry.MaxVersionLength, out version)) return false;
            if (!TryReadText(buffer, at + 75, ReportEntry.MaxVersionLength, out running)) return false;
            if (!TryReadText(buffer, at + 140, ReportEntry.MaxCheckLength, out check)) return false;
            if (!TryReadText(buffer, at + 156, ReportEntry.MaxReasonLength, out reason)) return false;
            long uptime = ReadLong(buffer, at + 2);
            entry = new ReportEntry((ReportKind)buffer[at], version, running, ReportArtifacts.FromCode(buffer[at + 1]), check, reason, uptime);
            return uptime >= -1;
        }

        private static void WriteText(byte[] buffer, int at, string text, int maxLength)
        {
            if (text == null) return;
            int length = text.Length > maxLength ? maxLength : text.Length;
            buffer[at] = (byte)length;
            for (int i = 0; i < length; i++) buffer[at + 1 + i] = (byte)text[i];
        }

        private static bool TryReadText(byte[] buffer, int at, int maxLength, out string text)
        {
            text = null;
            int length = buffer[at];
            if (length > maxLength) return false;
            if (length == 0) return true;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = (char)buffer[at + 1 + i];
                if (!ReportText.IsSafe(c)) return false;
                chars[i] = c;
            }
            text = new string(chars);
            return true;
        }

        private static void WriteLong(byte[] buffer, int at, long value)
        {
            for (int i = 7; i >= 0; i--)
            {
                buffer[at + i] = (byte)value;
                value >>= 8;
            }
        }

        private static long ReadLong(byte[] buffer, int at)
        {
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | buffer[at + i];
            return value;
        }

        private static void WriteUInt(byte[] buffer, int at, long value)
        {
            if (value > 0xFFFFFFFFL) value = 0xFFFFFFFFL;
            WriteLong4(buffer, at, value);
        }

        private static void WriteLong4(byte[] buffer, int at, long value)
        {
            buffer[at] = (byte)(value >> 24);
            buffer[at + 1] = (byte)(value >> 16);
            buffer[at + 2] = (byte)(value >> 8);
            buffer[at + 3] = (byte)value;
        }

        private static long ReadUInt(byte[] buffer, int at)
        {
            return ((long)buffer[at] << 24) | ((long)buffer[at + 1] << 16) | ((long)buffer[at + 2] << 8) | buffer[at + 3];
        }
    }
}
