using System;

namespace SecureOta.Device.Core.Artifacts
{
    /// <summary>
    /// Sizes and offsets of the hash-chained artifact format (docs/PROTOCOL.md section 7), computed
    /// from the signed plain length alone, so a device knows every record boundary before it downloads.
    /// </summary>
    public static class ArtifactLayout
    {
        /// <summary>Plain bytes per chunk.</summary>
        public const int ChunkSize = 4096;

        /// <summary>Bytes of the next-record digest that ends every record.</summary>
        public const int LinkSize = 32;

        /// <summary>Size of every record but the last.</summary>
        public const int RecordSize = ChunkSize + LinkSize;

        /// <summary>Largest plain length the protocol allows (16 MiB).</summary>
        public const int MaxPlainSize = 16 * 1024 * 1024;

        /// <summary>Number of records (and chunks) for a plain length of at least one byte.</summary>
        public static int RecordCount(int plainSize)
        {
            CheckPlainSize(plainSize);
            return (plainSize + ChunkSize - 1) / ChunkSize;
        }

        /// <summary>Plain bytes carried by record <paramref name="index"/>.</summary>
        public static int PlainLength(int plainSize, int index)
        {
            int count = RecordCount(plainSize);
            if (index < 0 || index >= count) throw new ArgumentOutOfRangeException("index");
            return index < count - 1 ? ChunkSize : plainSize - ChunkSize * (count - 1);
        }

        /// <summary>Ciphertext bytes of record <paramref name="index"/>: its plain length rounded up to 16.</summary>
        public static int CipherLength(int plainSize, int index)
        {
            return (PlainLength(plainSize, index) + 15) / 16 * 16;
        }

        /// <summary>Total bytes of record <paramref name="index"/>, ciphertext and link.</summary>
        public static int RecordLength(int plainSize, int index)
        {
            return CipherLength(plainSize, index) + LinkSize;
        }

        /// <summary>Byte offset of record <paramref name="index"/> inside the artifact.</summary>
        public static int RecordOffset(int plainSize, int index)
        {
            if (index < 0 || index >= RecordCount(plainSize)) throw new ArgumentOutOfRangeException("index");
            return RecordSize * index;
        }

        /// <summary>Exact size of the encrypted artifact for a plain length.</summary>
        public static int ArtifactSize(int plainSize)
        {
            int count = RecordCount(plainSize);
            return RecordSize * (count - 1) + RecordLength(plainSize, count - 1);
        }

        private static void CheckPlainSize(int plainSize)
        {
            if (plainSize < 1 || plainSize > MaxPlainSize)
                throw new ArgumentOutOfRangeException("plainSize", "plain size must be 1.." + MaxPlainSize + " bytes");
        }
    }
}
