using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SecureOta.Build.Samples;

/// <summary>
/// Writes an ESP32 application image: the 24-byte header, each segment as load address, length and
/// data, a checksum byte on a 16-byte boundary, and the appended SHA-256 of everything before it.
/// </summary>
internal static class Esp32ImageWriter
{
    public const byte ImageMagic = 0xE9;
    public const byte ChecksumSeed = 0xEF;
    public const int HeaderLength = 24;

    public static byte[] Write(uint entryAddress, IReadOnlyList<(uint LoadAddress, byte[] Data)> segments)
    {
        using var image = new MemoryStream();
        var header = new byte[HeaderLength];
        header[0] = ImageMagic;
        header[1] = (byte)segments.Count;
        header[2] = 2;                  // SPI mode: DIO
        header[3] = 0x20;               // flash size 4 MB, 40 MHz
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), entryAddress);
        header[8] = 0xEE;               // no write-protect pin
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), 0);     // chip id: ESP32
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(17), 399);   // max chip revision v3.99
        header[23] = 1;                 // SHA-256 appended
        image.Write(header);

        var checksum = ChecksumSeed;
        foreach (var (loadAddress, data) in segments)
        {
            if (data.Length % 4 != 0)
            {
                throw new ArgumentException("ESP32 segment lengths are multiples of 4 bytes.", nameof(segments));
            }

            var segmentHeader = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader, loadAddress);
            BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader.AsSpan(4), (uint)data.Length);
            image.Write(segmentHeader);
            image.Write(data);
            foreach (var value in data)
            {
                checksum ^= value;
            }
        }

        while (image.Length % 16 != 15)
        {
            image.WriteByte(0);
        }

        image.WriteByte(checksum);
        image.Write(SHA256.HashData(image.ToArray()));
        return image.ToArray();
    }
}
