using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Samples;

namespace SecureOta.Tests.Build.Samples;

public sealed class SampleFirmwareTests
{
    public static TheoryData<int> Versions => [0, 1, 2];

    public static TheoryData<int> Steps => [1, 2];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Generator_gives_the_same_bytes_every_time(int index)
    {
        var release = SampleReleases.All[index];

        Assert.Equal(SampleFirmware.Build(release), SampleFirmware.Build(release));
        Assert.Equal(SampleReleaseWriter.ReleaseJson(release), SampleReleaseWriter.ReleaseJson(release));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Images_are_between_250_and_400_KiB(int index)
    {
        var length = SampleFirmware.Build(SampleReleases.All[index]).Length;

        Assert.InRange(length, 250 * 1024, 400 * 1024);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Image_is_a_well_formed_ESP32_application_image(int index)
    {
        var release = SampleReleases.All[index];
        var image = SampleFirmware.Build(release);

        Assert.Equal(0xE9, image[0]);
        Assert.Equal(1, image[23]);
        var offset = 24;
        byte checksum = 0xEF;
        var segments = new List<(uint Address, byte[] Data)>();
        for (var s = 0; s < image[1]; s++)
        {
            var address = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset + 4));
            var data = image.AsSpan(offset + 8, length).ToArray();
            segments.Add((address, data));
            checksum = data.Aggregate(checksum, (sum, b) => (byte)(sum ^ b));
            offset += 8 + length;
        }

        offset = (offset | 15) + 1;
        Assert.Equal(checksum, image[offset - 1]);
        Assert.Equal(SHA256.HashData(image.AsSpan(0, offset)), image[offset..]);
        Assert.Equal(3, segments.Count);
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(4)), segments[2].Address);

        var descriptor = segments[0].Data;
        Assert.Equal(0xABCD5432u, BinaryPrimitives.ReadUInt32LittleEndian(descriptor));
        Assert.Equal(release.SecurityVersion, BinaryPrimitives.ReadUInt32LittleEndian(descriptor.AsSpan(4)));
        Assert.Equal(release.Version, Encoding.ASCII.GetString(descriptor, 16, 32).TrimEnd('\0'));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Consecutive_versions_change_a_few_percent_of_bytes_once_shifts_are_followed(int step)
    {
        var older = SampleFirmware.Build(SampleReleases.All[step - 1]);
        var newer = SampleFirmware.Build(SampleReleases.All[step]);

        Assert.InRange(ImageDiff.ChangedAfterAlignment(older, newer), 0.01, 0.10);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Consecutive_versions_defeat_a_naive_same_offset_comparison(int step)
    {
        var older = SampleFirmware.Build(SampleReleases.All[step - 1]);
        var newer = SampleFirmware.Build(SampleReleases.All[step]);

        var naive = ImageDiff.ChangedAtSameOffset(older, newer);

        Assert.True(naive > 0.5, $"only {naive:P1} changed at the same offsets");
        Assert.True(naive > 8 * ImageDiff.ChangedAfterAlignment(older, newer));
    }

    [Fact]
    public void Inserted_code_shifts_the_absolute_address_of_every_string()
    {
        // A string from the first release, found by its text in both images: its address moves,
        // so every pointer to it (in code and pointer tables) changes between versions.
        var older = SampleFirmware.Build(SampleReleases.All[0]);
        var newer = SampleFirmware.Build(SampleReleases.All[1]);
        var tag = Encoding.ASCII.GetBytes("\0wifi\0");

        var shift = newer.AsSpan().IndexOf(tag) - older.AsSpan().IndexOf(tag);

        Assert.True(shift > 1000, $"strings moved by {shift} bytes");
    }
}
