using SecureOta.Device.Core.Boot;
using SecureOta.Device.Host;
using SecureOta.Device.Simulation;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.EndToEnd;

/// <summary>The host seams the simulator adds (clock, entropy) and how it names the image in a slot.</summary>
public sealed class HostSeamTests
{
    [Fact]
    public void System_clock_reads_its_time_provider_plus_the_offset()
    {
        var time = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        Assert.Equal(1_800_000_000, new SystemClock(time, 0).UtcNowSeconds);
        Assert.Equal(1_799_999_000, new SystemClock(time, -1000).UtcNowSeconds);
    }

    [Fact]
    public void System_clock_started_at_a_time_reads_no_earlier_than_that_time()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

        long read = SystemClock.StartingAt(start).UtcNowSeconds;

        Assert.InRange(read, start.ToUnixTimeSeconds(), start.ToUnixTimeSeconds() + 3600);
    }

    [Fact]
    public void Entropy_fills_exactly_the_range_asked_for_with_fresh_bytes()
    {
        var entropy = new RandomEntropySource();
        var first = new byte[48];
        var second = new byte[48];

        entropy.Fill(first, 8, 32);
        entropy.Fill(second, 8, 32);

        Assert.All(first.Take(8).Concat(first.Skip(40)), b => Assert.Equal(0, b));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Entropy_refuses_a_range_outside_the_buffer()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomEntropySource().Fill(new byte[16], 8, 9));
        Assert.Throws<ArgumentNullException>(() => new RandomEntropySource().Fill(null!, 0, 0));
    }

    [Fact]
    public void Installed_app_is_named_from_the_esp_idf_descriptor_else_by_its_digest()
    {
        var files = new MemoryFileStore();
        var slots = new FileSlotStore(files, 1 << 20);
        var record = new SlotImage();
        record.Set(4, 2, Enumerable.Repeat((byte)0xAB, 32).ToArray());
        using (var slot = slots.OpenWrite(SlotId.A, 0)) slot.Write(File.ReadAllBytes(EndToEndSiteFixture.ImageOf("1.1.0")));
        using (var slot = slots.OpenWrite(SlotId.B, 0)) slot.Write(new byte[200]);

        Assert.Equal($"{SecureOta.Tests.Support.TestReleases.ProjectName} 1.1.0 (security version 2)", InstalledApp.Read(slots, SlotId.A, record).ToString());
        Assert.Equal("image abababab", InstalledApp.Read(slots, SlotId.B, record).Name);
    }
}
