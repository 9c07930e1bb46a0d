using System.Buffers.Binary;

namespace SecureOta.Build.Samples;

/// <summary>
/// Generates the read-only data tables of the sample firmware. Integer arithmetic only, so the
/// bytes do not depend on a platform's floating-point library.
/// </summary>
internal static class SampleTableGenerator
{
    public const int SineTable = 0;
    public const int Crc32Table = 1;
    public const int CalibrationTable = 2;
    public const int LogTagPointers = 3;
    public const int ErrorNamePointers = 4;
    public const int FontTable = 5;
    public const int CertificateBundle = 6;
    public const int RegulatoryTable = 7;

    private const ulong TableSeedFamily = 0x5EC0_07A0_F00D_0003UL;

    /// <summary>1024 Q15 sine samples from Bhaskara's rational approximation.</summary>
    public static byte[] Sine()
    {
        var bytes = new byte[1024 * 2];
        for (var i = 0; i < 1024; i++)
        {
            long t = i % 512;
            var product = t * (512 - t);
            var value = 32767 * 16 * product / (5L * 512 * 512 - 4 * product);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)(i < 512 ? value : -value));
        }

        return bytes;
    }

    /// <summary>The reflected CRC-32 (IEEE) lookup table.</summary>
    public static byte[] Crc32()
    {
        var bytes = new byte[256 * 4];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)n * 4), c);
        }

        return bytes;
    }

    /// <summary>A 512-entry sensor calibration curve; <paramref name="revision"/> 1 retunes entries 200 to 327.</summary>
    public static byte[] Calibration(int revision)
    {
        var random = new SplitMix64(SplitMix64.Derive(TableSeedFamily, CalibrationTable));
        var bytes = new byte[512 * 2];
        for (var i = 0; i < 512; i++)
        {
            var value = 1000 + i * i / 64 + random.Next(8);
            if (revision >= 1 && i is >= 200 and < 328)
            {
                value += (i - 200) * 3 + 17;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)value);
        }

        return bytes;
    }

    /// <summary>An 8x16 bitmap font of 128 glyphs.</summary>
    public static byte[] Font()
    {
        var random = new SplitMix64(SplitMix64.Derive(TableSeedFamily, FontTable));
        var bytes = new byte[128 * 16];
        for (var glyph = 32; glyph < 128; glyph++)
        {
            // Rows 3 to 12 carry the glyph; the rest are blank, as in real fonts.
            for (var row = 3; row < 13; row++)
            {
                bytes[glyph * 16 + row] = (byte)(random.NextUInt64() & random.NextUInt64() & 0x7E);
            }
        }

        return bytes;
    }

    /// <summary>High-entropy bytes standing in for a DER certificate bundle.</summary>
    public static byte[] Certificates()
    {
        var random = new SplitMix64(SplitMix64.Derive(TableSeedFamily, CertificateBundle));
        var bytes = new byte[6 * 1024];
        for (var i = 0; i < bytes.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i), random.NextUInt64());
        }

        return bytes;
    }

    /// <summary>200 Wi-Fi regulatory entries: country code, first channel, channel count, power, flags.</summary>
    public static byte[] Regulatory()
    {
        var random = new SplitMix64(SplitMix64.Derive(TableSeedFamily, RegulatoryTable));
        var bytes = new byte[200 * 8];
        for (var i = 0; i < 200; i++)
        {
            var entry = bytes.AsSpan(i * 8, 8);
            entry[0] = (byte)('A' + i / 26 % 26);
            entry[1] = (byte)('A' + i % 26);
            entry[2] = 1;
            entry[3] = (byte)(11 + random.Next(3));
            entry[4] = (byte)(60 + 4 * random.Next(6));
            entry[5] = (byte)random.Next(4);
        }

        return bytes;
    }
}
