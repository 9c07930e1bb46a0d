using SecureOta.Device.Core.Reports;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Reports;

/// <summary>
/// The counter is written before each report leaves, so a power cut at any write, torn or not, never
/// makes the device send a counter twice (docs/PROTOCOL.md section 11d.5).
/// </summary>
public sealed class ReportPowerCutTests
{
    [Fact]
    public void Counter_is_never_reused_after_a_power_cut_at_any_write()
    {
        using var setup = new ReportingDevice();
        setup.Site.Publish(TestSite.Image(2 * 4096 + 7, 2), "1.1.0", 2);
        setup.Device.Boot();
        var before = setup.Device.Flash.Clone();

        int writes = CountWrites(setup, before);
        Assert.True(writes > 4, $"the poll made only {writes} writes");

        for (int cut = 1; cut <= writes; cut++)
        {
            var flash = before.Clone();
            var power = new PowerCutFileStore(flash, cut);
            var collector = new FakeCollector();
            using var device = new TestDevice(setup.Site, flash) { Files = power };
            try
            {
                Poll(device, collector);
            }
            catch (PowerCutException)
            {
            }
            power.RestorePower();
            device.Boot();
            Poll(device, collector);
            device.Boot();
            Poll(device, collector);

            var counters = collector.Posts.Select(p => p.Counter).ToList();
            Assert.True(counters.Count == counters.Distinct().Count(), $"cut at write {cut}: counters sent {string.Join(", ", counters)}");
            Assert.True(counters.SequenceEqual(counters.Order()), $"cut at write {cut}: counters not increasing: {string.Join(", ", counters)}");
            Assert.Contains(collector.Posts, p => p.Kind == "heartbeat");
        }
    }

    private static int CountWrites(ReportingDevice setup, MemoryFileStore before)
    {
        var power = new PowerCutFileStore(before.Clone());
        using var device = new TestDevice(setup.Site, before.Clone()) { Files = power };
        var collector = new FakeCollector();
        Poll(device, collector);
        Assert.Equal(["trial-scheduled", "heartbeat"], collector.Posts.Select(p => p.Kind));
        return power.Operations;
    }

    private static void Poll(TestDevice device, FakeCollector collector) =>
        device.NewClient(configure: options => options.Reports = new ReportOptions(collector)).Poll();
}
