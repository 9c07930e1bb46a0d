namespace SecureOta.Tests.Esp32;

/// <summary>
/// The scratch arrays between the core's slices and nanoFramework's whole-array AES and HMAC
/// (device/Esp32/Platform/Portable/ExactSizeBuffers.cs): reused per length so a download's steady
/// state allocates no copies, bounded in number, and wiped after use.
/// </summary>
public sealed class ExactSizeBuffersTests
{
    private const string Buffers = "SecureOta.Device.Esp32.Portable.ExactSizeBuffers";

    [Fact]
    public void Passes_a_whole_array_through_without_copying()
    {
        object buffers = New();
        byte[] data = new byte[4128];

        Assert.Same(data, Slice(buffers, data, 0, data.Length));
    }

    [Fact]
    public void Reuses_one_scratch_array_per_length()
    {
        object buffers = New();
        byte[] data = TestData(8000);

        byte[] first = Slice(buffers, data, 10, 4128);
        byte[] second = Slice(buffers, data, 20, 4128);

        Assert.Same(first, second);
        Assert.Equal(data.Skip(20).Take(4128), second);
    }

    [Fact]
    public void Holds_at_most_six_lengths_and_copies_beyond_them()
    {
        object buffers = New();
        byte[] data = TestData(100);
        for (int length = 1; length <= 6; length++) Slice(buffers, data, 0, length);

        byte[] seventh = Slice(buffers, data, 1, 7);

        Assert.NotSame(seventh, Slice(buffers, data, 1, 7));
        Assert.Same(Slice(buffers, data, 1, 6), Slice(buffers, data, 2, 6));
    }

    [Fact]
    public void Clears_scratch_copies_but_never_the_callers_array()
    {
        object buffers = New();
        byte[] data = TestData(64);
        byte[] scratch = Slice(buffers, data, 1, 32);

        PortableCode.Call(Buffers, "Clear", scratch, data);
        PortableCode.Call(Buffers, "Clear", data, data);

        Assert.All(scratch, b => Assert.Equal(0, b));
        Assert.Equal(TestData(64), data);
    }

    private static object New() => Activator.CreateInstance(PortableCode.Type(Buffers))!;

    private static byte[] Slice(object buffers, byte[] data, int offset, int count) =>
        (byte[])buffers.GetType().GetMethod("Slice")!.Invoke(buffers, [data, offset, count])!;

    private static byte[] TestData(int length) => Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
}
