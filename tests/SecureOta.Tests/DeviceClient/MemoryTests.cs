using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// What the device core allocates (seams excluded) for a full update of a real 1.5 MiB ESP32 firmware
/// (shared/firmware-pairs/marauder-esp32/v0.9.13.bin): bounded for the poll, and exactly zero per
/// record once the download runs, resume-point writes included.
/// </summary>
public sealed class MemoryTests(ITestOutputHelper output) : IDisposable
{
    private const string Firmware = "firmware-pairs/marauder-esp32/v0.9.13.bin";
    private const int Marauder13Size = 1553568;
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>The real firmware when ../shared has it; otherwise random bytes of the same size (allocations do not depend on content).</summary>
    private byte[] LoadImage()
    {
        string? shared = RepositoryRoot.Shared;
        string path = shared == null ? "" : Path.Combine(shared, Firmware);
        if (File.Exists(path))
        {
            output.WriteLine($"image: {path}");
            return File.ReadAllBytes(path);
        }
        output.WriteLine($"../shared/{Firmware} is absent: measuring a random image of the same size ({Marauder13Size} bytes) instead");
        return TestSite.Image(Marauder13Size, 61);
    }

    [Fact]
    public void Core_allocates_nothing_per_record_in_steady_state_and_a_bounded_amount_per_update()
    {
        byte[] image = LoadImage();
        _site.Publish(image, "0.9.13", 1);
        using var device = new TestDevice(_site);
        device.Provision(TestSite.Image(4096, 62));
        int records = ArtifactLayout.RecordCount(image.Length);

        var meter = new AllocationMeter();
        using var aes = new DotNetAes128();
        var crypto = new MeteredCrypto(aes, new DotNetHmacSha256(), meter);
        var files = new MeteredFileStore(device.Flash, meter);
        var slots = new FileSlotStore(files, TestDevice.SlotCapacity);
        var platform = new DevicePlatform(new MeteredTransport(device.Transport, meter), files, slots, crypto, crypto, device.Clock, device.Rebooter);
        long[] coreAfterRecord = new long[records + 1];
        var options = new UpdateClientOptions(TestSite.Channel, [_site.Device])
        {
            Progress = (phase, done, count) =>
            {
                if (phase == UpdatePhase.Downloading && done > 0) coreAfterRecord[done] = meter.CoreBytes;
            },
        };

        long start = meter.CoreBytes;
        var client = new UpdateClient(platform, options);
        long construction = meter.CoreBytes - start;
        start = meter.CoreBytes;
        UpdateReport report = client.Poll();
        long poll = meter.CoreBytes - start;
        long beforeFirstRecord = coreAfterRecord[1] - start;
        long afterLastRecord = meter.CoreBytes - coreAfterRecord[records];

        var bootManager = new BootManager(files, crypto, slots, 3);
        start = meter.CoreBytes;
        BootDecision trial = bootManager.Boot();
        long boot = meter.CoreBytes - start;

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(records, report.RecordsDownloaded);
        Assert.Equal(image, device.SlotBytes(SlotId.B));
        Assert.Equal(BootOutcome.RunTrial, trial.Outcome);
        long[] steady = Enumerable.Range(2, records - 2).Select(i => coreAfterRecord[i] - coreAfterRecord[i - 1]).ToArray();
        int saves = (records - 1) / options.SaveEveryRecords;
        output.WriteLine($"image {image.Length} bytes, {records} records, resume point written {saves} times");
        output.WriteLine($"core allocations: client construction {construction} B; poll {poll} B in total " +
            $"({beforeFirstRecord} B up to the first record: root, manifest, key; {afterLastRecord} B after the last: finish, read-back, staging)");
        output.WriteLine($"steady state: {steady.Length} records, {steady.Sum()} B in total, at most {steady.Max()} B in one record");
        output.WriteLine($"boot manager: trial boot with a {image.Length}-byte image check: {boot} B; seams allocated {meter.SeamBytes} B over the whole test");
        Assert.All(steady, bytes => Assert.Equal(0, bytes));
        Assert.True(poll < 256 * 1024, $"a poll allocated {poll} bytes in the core");
        // About 17 KiB of record reader, digest folds and read-back, plus the delta patcher's fixed working memory
        // (DeltaPatcher.WorkingMemoryBytes) and the fold of its output, allocated once whether or not a patch is used.
        Assert.True(construction < 40 * 1024, $"the client allocated {construction} bytes when built");
        Assert.True(boot < 4 * 1024, $"a boot allocated {boot} bytes in the core");
    }
}
