namespace SecureOta.Tests.Delta;

/// <summary>Deterministic test images: random bytes, and firmware-like images whose pointers move when code is inserted.</summary>
internal static class TestImages
{
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// An image of little-endian 32-bit "pointers" into itself and short "instructions", like a
    /// firmware image: inserting code shifts every pointer behind the insertion by the same amount.
    /// </summary>
    public static byte[] FirmwareLike(int words, int seed, int insertAt = -1, int insertWords = 0)
    {
        var random = new Random(seed);
        var image = new List<byte>(words * 4 + insertWords * 4);
        for (int i = 0; i < words; i++)
        {
            if (i == insertAt)
            {
                var code = new Random(seed ^ 0x5EED);
                for (int k = 0; k < insertWords * 4; k++) image.Add((byte)code.Next(256));
            }
            if (random.Next(4) == 0)
            {
                uint target = (uint)random.Next(words) * 4;
                if (insertAt >= 0 && target >= (uint)insertAt * 4) target += (uint)insertWords * 4;
                uint pointer = 0x400D0000u + target;
                image.AddRange(BitConverter.GetBytes(pointer));
            }
            else
            {
                image.Add((byte)random.Next(256));
                image.Add((byte)random.Next(16));
                image.Add(0x81);
                image.Add((byte)random.Next(4));
            }
        }
        return [.. image];
    }
}
