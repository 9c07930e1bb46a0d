using System.Buffers.Binary;
using System.Text;

namespace SecureOta.Build.Samples;

/// <summary>
/// Tells a generated sample image from a real one: every image <see cref="SampleFirmware"/> makes carries
/// an ESP-IDF application descriptor (magic 0xABCD5432) whose project name is
/// <see cref="SampleAppDescriptor.ProjectName"/>. A build with real keys refuses such an image, so the
/// demo's synthetic releases can never be signed and published to real devices.
/// </summary>
public static class SampleImageMark
{
    private const int ProjectNameOffset = 48;
    private static readonly byte[] ProjectName = Encoding.ASCII.GetBytes(SampleAppDescriptor.ProjectName + "\0");

    /// <summary>The project name that marks a sample image, for messages.</summary>
    public static string Name => SampleAppDescriptor.ProjectName;

    public static bool IsSample(ReadOnlySpan<byte> image)
    {
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, SampleAppDescriptor.Magic);
        for (int from = 0; from < image.Length;)
        {
            int at = image[from..].IndexOf(magic);
            if (at < 0) return false;
            at += from;
            var name = image[(at + ProjectNameOffset)..];
            if (name.Length >= ProjectName.Length && name[..ProjectName.Length].SequenceEqual(ProjectName)) return true;
            from = at + 1;
        }
        return false;
    }
}
