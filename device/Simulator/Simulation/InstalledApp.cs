using System.Buffers.Binary;
using System.Text;
using SecureOta.Device.Core.Boot;

namespace SecureOta.Device.Simulation;

/// <summary>
/// What the simulator can tell about the image in a slot, for people: the project name and version from
/// the ESP-IDF application descriptor (magic 0xABCD5432 right after the image header and the first
/// segment header, version at +16, project name at +48, as the sample releases carry it), else the
/// start of its image digest. Only ever used for display; trust comes from the boot state's digest.
/// </summary>
public sealed class InstalledApp
{
    private const int DescriptorOffset = 32;
    private const uint DescriptorMagic = 0xABCD5432;
    private const int HeadLength = DescriptorOffset + 80;

    private InstalledApp(SlotId slot, string? project, string? version, long securityVersion, string digestPrefix)
    {
        Slot = slot;
        Project = project;
        Version = version;
        SecurityVersion = securityVersion;
        DigestPrefix = digestPrefix;
    }

    public SlotId Slot { get; }

    /// <summary>The descriptor's project name, or null when the image has no ESP-IDF descriptor.</summary>
    public string? Project { get; }

    /// <summary>The descriptor's version ("1.2.0"), or null.</summary>
    public string? Version { get; }

    /// <summary>The security version the boot state records for the slot.</summary>
    public long SecurityVersion { get; }

    /// <summary>The first 8 hex digits of the slot's image digest.</summary>
    public string DigestPrefix { get; }

    /// <summary>Reads the descriptor at the start of <paramref name="slot"/>; the slot must hold the image <paramref name="record"/> describes.</summary>
    public static InstalledApp Read(ISlotStore slots, SlotId slot, SlotImage record)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(record);
        string digest = Convert.ToHexStringLower(record.Digest, 0, 4);
        var head = new byte[HeadLength];
        int filled = 0;
        try
        {
            using var stream = slots.OpenRead(slot);
            int read;
            while (filled < head.Length && (read = stream.Read(head, filled, head.Length - filled)) > 0) filled += read;
        }
        catch (IOException)
        {
            filled = 0;
        }
        if (filled < HeadLength || BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(DescriptorOffset)) != DescriptorMagic)
            return new InstalledApp(slot, null, null, record.SecurityVersion, digest);
        return new InstalledApp(slot, Text(head.AsSpan(DescriptorOffset + 48, 32)), Text(head.AsSpan(DescriptorOffset + 16, 32)),
            record.SecurityVersion, digest);
    }

    /// <summary>"secureota-demo 1.2.0", or "image 1a2b3c4d" for an image without a descriptor.</summary>
    public string Name => Version is null ? "image " + DigestPrefix : (Project is null ? "" : Project + " ") + Version;

    /// <summary>"secureota-demo 1.2.0 (security version 2)".</summary>
    public override string ToString() => $"{Name} (security version {SecurityVersion})";

    // A NUL-terminated ASCII field; anything unprintable makes it unknown rather than garbling the output.
    private static string? Text(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        var bytes = end < 0 ? field : field[..end];
        if (bytes.Length == 0) return null;
        foreach (byte b in bytes)
        {
            if (b < 0x20 || b > 0x7E) return null;
        }
        return Encoding.ASCII.GetString(bytes);
    }
}
