namespace SecureOta.Tests.Esp32;

/// <summary>
/// The ESP32 transport's reading of a 206's Content-Range (device/Esp32/Platform/Portable/
/// ContentRangeHeader.cs). The core compares the start with the resume offset it asked for, so any
/// header it cannot read exactly must read as "not the range asked for" (-1): a resumed download then
/// restarts cleanly instead of appending bytes from the wrong place.
/// </summary>
public sealed class ContentRangeHeaderTests
{
    private const string Header = "SecureOta.Device.Esp32.Portable.ContentRangeHeader";

    [Theory]
    [InlineData("bytes 4128-8255/8256", 4128)]
    [InlineData("bytes 0-0/1", 0)]
    [InlineData("bytes 16512-16767/*", 16512)]
    [InlineData("bytes 999999999999999-999999999999999/*", 999999999999999)]
    public void Reads_the_first_byte_of_a_well_formed_range(string value, long expected)
    {
        Assert.Equal(expected, ParseStart(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=0-1/2")]
    [InlineData("items 0-1/2")]
    [InlineData("bytes */8256")]
    [InlineData("bytes -1/2")]
    [InlineData("bytes 5-4/10")]
    [InlineData("bytes 0-9/9")]
    [InlineData("bytes 0-9/10 ")]
    [InlineData("bytes 0-9")]
    [InlineData("bytes +1-9/10")]
    [InlineData("bytes 1000000000000000-1000000000000001/*")]
    public void Reads_anything_else_as_not_the_range_asked_for(string? value)
    {
        Assert.Equal(-1L, ParseStart(value));
    }

    private static long ParseStart(string? value) => (long)PortableCode.Call(Header, "ParseStart", value)!;
}
