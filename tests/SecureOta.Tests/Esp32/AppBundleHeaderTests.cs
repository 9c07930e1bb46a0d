namespace SecureOta.Tests.Esp32;

/// <summary>
/// The loader's reading of an application image (device/Esp32/Loader/Portable/AppBundleHeader.cs)
/// against bundles written by the packer tool (device/Esp32/HostTools/PackAppBundle.cs): what one writes
/// the other reads, and every malformed image is refused with a reason instead of being loaded.
/// </summary>
public sealed class AppBundleHeaderTests
{
    private const string Header = "SecureOta.Device.Esp32.Loader.Portable.AppBundleHeader";
    private const string Entry = "SecureOta.Device.Esp32.SampleApp.App";

    [Fact]
    public void Reads_the_entry_type_and_assembly_lengths_the_packer_wrote()
    {
        byte[] bundle = Pack(Entry, new byte[300], new byte[7000]);

        var header = Parse(bundle, bundle.Length, out string? problem);

        Assert.Null(problem);
        Assert.NotNull(header);
        Assert.Equal(Entry, PortableCode.Get<string>(header, "EntryTypeName"));
        Assert.Equal(2, PortableCode.Get<int>(header, "AssemblyCount"));
        Assert.Equal(10 + Entry.Length + 8, PortableCode.Get<int>(header, "Size"));
        Assert.Equal(300L, header.GetType().GetMethod("GetAssemblyLength")!.Invoke(header, [0]));
        Assert.Equal(7000L, header.GetType().GetMethod("GetAssemblyLength")!.Invoke(header, [1]));
    }

    [Fact]
    public void Parses_from_the_first_bytes_of_a_long_image()
    {
        byte[] bundle = Pack(Entry, new byte[40000]);
        int maxSize = (int)PortableCode.Constant(Header, "MaxSize")!;

        var header = Parse(bundle.Take(maxSize).ToArray(), maxSize, out string? problem, bundle.Length);

        Assert.Null(problem);
        Assert.Equal(1, PortableCode.Get<int>(header!, "AssemblyCount"));
    }

    [Fact]
    public void Rejects_an_image_that_is_not_a_bundle()
    {
        byte[] bundle = Pack(Entry, new byte[64]);
        bundle[0] = (byte)'X';

        Assert.Null(Parse(bundle, bundle.Length, out string? problem));
        Assert.Contains("not an app bundle", problem);
    }

    [Fact]
    public void Rejects_trailing_bytes_after_the_last_assembly()
    {
        byte[] bundle = Pack(Entry, new byte[64]).Concat(new byte[1]).ToArray();

        Assert.Null(Parse(bundle, bundle.Length, out string? problem));
        Assert.Contains("describes", problem);
    }

    [Fact]
    public void Rejects_an_image_shorter_than_its_assemblies()
    {
        byte[] bundle = Pack(Entry, new byte[64]);
        byte[] truncated = bundle.Take(bundle.Length - 1).ToArray();

        Assert.Null(Parse(truncated, truncated.Length, out string? problem));
        Assert.Contains("describes", problem);
    }

    [Fact]
    public void Rejects_an_image_ending_inside_its_header()
    {
        byte[] bundle = Pack(Entry, new byte[64]);
        byte[] truncated = bundle.Take(12).ToArray();

        Assert.Null(Parse(truncated, truncated.Length, out string? problem));
        Assert.Contains("ends inside", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Rejects_an_assembly_count_outside_1_to_16(int count)
    {
        byte[] bundle = Pack(Entry, new byte[64]);
        bundle[8] = (byte)count;

        Assert.Null(Parse(bundle, bundle.Length, out string? problem));
        Assert.Contains("assemblies", problem);
    }

    [Fact]
    public void Rejects_an_empty_assembly()
    {
        byte[] bundle = Pack(Entry, new byte[64]);
        int lengthAt = 10 + Entry.Length;
        bundle[lengthAt + 3] = 0;
        bundle[lengthAt + 2] = 0;

        Assert.Null(Parse(bundle, bundle.Length, out string? problem));
        Assert.Contains("empty", problem);
    }

    [Theory]
    [InlineData("A..B")]
    [InlineData(".A")]
    [InlineData("A.")]
    [InlineData("A.1B")]
    [InlineData("A-B")]
    [InlineData("A B")]
    public void Rejects_an_entry_name_that_is_not_a_dotted_type_name(string name)
    {
        // The packer refuses it too; build the bytes by hand to test the reader alone.
        byte[] bundle = Pack("A.Valid", new byte[64]);
        byte[] patched = Hand(name, bundle.Skip(10 + 7 + 4).ToArray());

        Assert.Null(Parse(patched, patched.Length, out string? problem));
        Assert.Contains("entry type name", problem);
        Assert.Throws<ArgumentException>(() => Pack(name, new byte[64]));
    }

    [Fact]
    public void Throws_when_given_less_than_a_whole_header()
    {
        byte[] bundle = Pack(Entry, new byte[40000]);

        Assert.Throws<ArgumentException>(() => Parse(bundle, 20, out _, bundle.Length));
    }

    private static byte[] Pack(string entry, params byte[][] assemblies) => (byte[])PortableCode.CallPacker("Write", entry, assemblies)!;

    // magic, one assembly, the name, its length, the assembly: written without the packer's checks.
    private static byte[] Hand(string name, byte[] assembly)
    {
        var bytes = new List<byte>("SOTAAPP1"u8.ToArray()) { 1, (byte)name.Length };
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(name));
        bytes.AddRange([0, 0, (byte)(assembly.Length >> 8), (byte)assembly.Length]);
        bytes.AddRange(assembly);
        return bytes.ToArray();
    }

    private static object? Parse(byte[] data, int count, out string? problem, long? imageLength = null)
    {
        object?[] args = [data, count, imageLength ?? data.Length, null];
        var header = PortableCode.Call(Header, "TryParse", args);
        problem = (string?)args[3];
        return header;
    }
}
