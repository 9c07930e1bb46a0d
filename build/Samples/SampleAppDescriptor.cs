using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Build.Samples;

/// <summary>
/// The 256-byte application descriptor ESP-IDF places at the start of the first data segment:
/// magic, secure version, version, project name, compile time and date, IDF version, ELF digest.
/// </summary>
internal static class SampleAppDescriptor
{
    public const uint Magic = 0xABCD5432;
    public const string ProjectName = "secureota-demo";
    public const string IdfVersion = "v5.1.4";

    public static byte[] Create(SampleProgram program, byte[] flashSegment, string projectName = ProjectName)
    {
        var bytes = new byte[256];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), program.SecurityVersion);
        WriteText(bytes.AsSpan(16, 32), program.Version);
        WriteText(bytes.AsSpan(48, 32), projectName);
        WriteText(bytes.AsSpan(80, 16), program.BuildTime);
        WriteText(bytes.AsSpan(96, 16), program.BuildDate);
        WriteText(bytes.AsSpan(112, 32), IdfVersion);

        // Stands in for the digest of the ELF file the image was made from.
        SHA256.HashData(flashSegment, bytes.AsSpan(144, 32));
        return bytes;
    }

    private static void WriteText(Span<byte> field, string text)
    {
        if (Encoding.ASCII.GetByteCount(text) >= field.Length)
        {
            throw new ArgumentException($"'{text}' does not fit a {field.Length}-byte field with its terminator.", nameof(text));
        }

        Encoding.ASCII.GetBytes(text, field);
    }
}
