namespace SecureOta.Tests.Esp32;

/// <summary>The ESP32 clock's Unix seconds and its "has SNTP set me yet" floor (device/Esp32/Platform/Portable/UnixTime.cs).</summary>
public sealed class UnixTimeTests
{
    private const string UnixTime = "SecureOta.Device.Esp32.Portable.UnixTime";

    [Theory]
    [InlineData(1970, 1, 1, 0)]
    [InlineData(2026, 1, 1, 1767225600)]
    [InlineData(2027, 2, 3, 1801612800)]
    public void Counts_seconds_from_the_Unix_epoch(int year, int month, int day, long expected)
    {
        Assert.Equal(expected, (long)PortableCode.Call(UnixTime, "Seconds", new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc))!);
    }

    [Fact]
    public void Treats_a_clock_before_2025_as_not_set_by_SNTP()
    {
        // An ESP32 without network time starts near its epoch; certificates would look not yet valid.
        Assert.False((bool)PortableCode.Call(UnixTime, "IsSet", new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc))!);
        Assert.False((bool)PortableCode.Call(UnixTime, "IsSet", new DateTime(2024, 12, 31, 23, 59, 59, DateTimeKind.Utc))!);
        Assert.True((bool)PortableCode.Call(UnixTime, "IsSet", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))!);
    }
}
