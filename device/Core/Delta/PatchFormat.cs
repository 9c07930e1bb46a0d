namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Constants of the patch format (docs/PROTOCOL.md section 11a): a 16-byte header, then one
    /// range-coded stream of blocks.
    /// </summary>
    public static class PatchFormat
    {
        /// <summary>Header bytes 0..3: "SODP" (SecureOta delta patch).</summary>
        public static readonly byte[] Magic = new byte[] { 0x53, 0x4F, 0x44, 0x50 };

        /// <summary>Header byte 4.</summary>
        public const byte Version = 1;

        /// <summary>Magic, version, three reserved zero bytes, old size and new size (big-endian u32 each).</summary>
        public const int HeaderSize = 16;

        /// <summary>Largest old or new image a patch may declare: the protocol's image size limit (16 MiB).</summary>
        public const int MaxImageSize = 16 * 1024 * 1024;

        /// <summary>Largest value an encoded number may take: numbers whose length class is above 30 are refused.</summary>
        public const int MaxNumber = 0x7FFFFFFE;

        /// <summary>Bytes an edit adds into: a little-endian word starting at the edit, cut at the end of its copy run.</summary>
        public const int EditWidth = 4;
    }
}
