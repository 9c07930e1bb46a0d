using System;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// The header of an application image: the slot holds one "app bundle", a small container of the
    /// application's .pe files in load order (README.md, "Application image"). Layout, integers big-endian:
    /// magic "SOTAAPP1" (8) · assembly count n, 1 to 16 (1) · entry type name length m, 1 to 128 (1) ·
    /// entry type full name, ASCII (m) · n lengths (4 each, at least 1) · the n .pe files. The image is
    /// exactly the header and the files, nothing after. The bytes were checked against the signed image
    /// digest before this runs; the checks here make a malformed (but signed) image a clear failure.
    /// Portable: no nanoFramework API, host-tested.
    /// </summary>
    public sealed class AppBundleHeader
    {
        public const int MaxAssemblies = 16;
        public const int MaxEntryNameLength = 128;
        public const int FixedSize = 10;

        /// <summary>The largest header: read this many bytes (or the whole image if shorter) to parse one.</summary>
        public const int MaxSize = FixedSize + MaxEntryNameLength + 4 * MaxAssemblies;

        private static readonly byte[] Magic = { 0x53, 0x4F, 0x54, 0x41, 0x41, 0x50, 0x50, 0x31 };

        private readonly long[] _lengths;

        private AppBundleHeader(string entryTypeName, long[] lengths, int size)
        {
            EntryTypeName = entryTypeName;
            _lengths = lengths;
            Size = size;
        }

        /// <summary>Full name of the type whose public static Run(BootManager) starts the application; it is in the last assembly.</summary>
        public string EntryTypeName { get; private set; }

        public int AssemblyCount { get { return _lengths.Length; } }

        /// <summary>Header size in bytes: the first .pe file starts here.</summary>
        public int Size { get; private set; }

        /// <summary>Length in bytes of .pe file number <paramref name="index"/> (load order).</summary>
        public long GetAssemblyLength(int index)
        {
            return _lengths[index];
        }

        /// <summary>
        /// Parses the first <paramref name="count"/> bytes of an image of <paramref name="imageLength"/>
        /// bytes (at least min(MaxSize, imageLength) of them). Null with the reason in
        /// <paramref name="problem"/> when they are not a well-formed bundle of exactly that length.
        /// </summary>
        public static AppBundleHeader TryParse(byte[] data, int count, long imageLength, out string problem)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (count < 0 || count > data.Length) throw new ArgumentOutOfRangeException("count");
            if (imageLength < 0) throw new ArgumentOutOfRangeException("imageLength");
            problem = null;
            if (count < MaxSize && count < imageLength) throw new ArgumentException("pass the whole header: " + MaxSize + " bytes or the whole image", "count");

            if (imageLength < FixedSize || !StartsWithMagic(data))
            {
                problem = "the image is not an app bundle (it does not start with \"SOTAAPP1\")";
                return null;
            }
            int assemblies = data[8];
            int nameLength = data[9];
            if (assemblies < 1 || assemblies > MaxAssemblies)
            {
                problem = "the app bundle lists " + assemblies + " assemblies; 1 to " + MaxAssemblies + " are allowed";
                return null;
            }
            if (nameLength < 1 || nameLength > MaxEntryNameLength)
            {
                problem = "the app bundle's entry type name has " + nameLength + " characters; 1 to " + MaxEntryNameLength + " are allowed";
                return null;
            }
            int size = FixedSize + nameLength + 4 * assemblies;
            if (size > imageLength)
            {
                problem = "the image ends inside its app bundle header";
                return null;
            }

            string entry = ReadTypeName(data, FixedSize, nameLength);
            if (entry == null)
            {
                problem = "the app bundle's entry type name is not a dotted name of letters, digits and '_'";
                return null;
            }
            long[] lengths = new long[assemblies];
            long total = size;
            for (int i = 0; i < assemblies; i++)
            {
                int at = FixedSize + nameLength + 4 * i;
                lengths[i] = ((long)data[at] << 24) | ((long)data[at + 1] << 16) | ((long)data[at + 2] << 8) | data[at + 3];
                if (lengths[i] < 1)
                {
                    problem = "assembly " + (i + 1) + " of the app bundle is empty";
                    return null;
                }
                total += lengths[i];
            }
            if (total != imageLength)
            {
                problem = "the app bundle's header describes " + total + " bytes but the image has " + imageLength;
                return null;
            }
            return new AppBundleHeader(entry, lengths, size);
        }

        private static bool StartsWithMagic(byte[] data)
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                if (data[i] != Magic[i]) return false;
            }
            return true;
        }

        // A dotted name: segments of ASCII letters, digits and '_', not starting with a digit; else null.
        private static string ReadTypeName(byte[] data, int offset, int length)
        {
            char[] name = new char[length];
            bool segmentStart = true;
            for (int i = 0; i < length; i++)
            {
                char c = (char)data[offset + i];
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
                bool digit = c >= '0' && c <= '9';
                if (c == '.')
                {
                    if (segmentStart) return null;
                    segmentStart = true;
                }
                else if (letter || (digit && !segmentStart))
                {
                    segmentStart = false;
                }
                else
                {
                    return null;
                }
                name[i] = c;
            }
            return segmentStart ? null : new string(name);
        }
    }
}
