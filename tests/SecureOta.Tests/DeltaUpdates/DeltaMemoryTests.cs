using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// What the device core allocates (seams excluded) while it builds a 1.5 MiB image from a delta patch
/// (shared/firmware-pairs/marauder-esp32 v0.9.12 to v0.9.13 when ../shared has it): nothing per patch
/// record once the patch runs, a bounded amount per poll, and the patcher's working memory within its budget.
/// </summary>
public sealed class DeltaMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const string Pair = "firmware-pairs/marauder-esp32";
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private (byte[] Old, byte[] New) LoadPair()
    {
        string? shared = RepositoryRoot.Shared;
        string folder = shared == null ? "" : Path.Combine(shared, Pair);
        if (Directory.Exists(folder))
        {
            output.WriteLine($"pair: {folder}");
            return (File.ReadAllBytes(Path.Combine(folder, "v0.9.12.bin")), File.ReadAllBytes(Path.Combine(folder, "v0.9.13.bin")));
        }
        output.WriteLine($"../shared/{Pair} is absent: measuring a random 1.5 MiB image and an evolved copy instead");
        byte[] old = TestSite.Image(1552592, 91);
        return (old, EvolvedImage.Next(old, 92));
    }

    [Fact]
    public void Core_allocates_nothing_per_patch_record_and_a_bounded_amount_per_delta_update()
    {
        var (oldImage, newImage) = LoadPair();
        PublishedRelease release = _site.Publish(newImage, "0.9.13", 1, deltas: [TestDelta.Between(oldImage, newImage, "0.9.12")]);
        using var device = new TestDevice(_site);
        device.Provision(oldImage);
        int records = release.Deltas[0].PlainSize / 4096 + 1;

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
        var client = new UpdateClient(platform, options);

        long start = meter.CoreBytes;
        UpdateReport report = client.Poll();
        long poll = meter.CoreBytes - start;

        Assert.True(report.InstalledByDelta, report.ToString());
        Assert.Equal(records, report.RecordsDownloaded);
        Assert.Equal(newImage, device.SlotBytes(SlotId.B));
        long[] steady = Enumerable.Range(2, records - 1).Select(i => coreAfterRecord[i] - coreAfterRecord[i - 1]).ToArray();
        output.WriteLine($"image {newImage.Length} bytes from a {release.Deltas[0].PlainSize}-byte patch ({release.Deltas[0].Size} bytes as shipped, " +
            $"{records} records; the full image is {release.Artifact.Size} bytes): {report.BytesSaved} bytes saved");
        output.WriteLine($"core allocations: poll {poll} B in total; between patch records {steady.Sum()} B over {steady.Length} records");
        output.WriteLine($"patcher working memory {DeltaPatcher.WorkingMemoryBytes} B, allocated with the client");
        Assert.NotEmpty(steady);
        Assert.All(steady, bytes => Assert.Equal(0, bytes));
        // Root walk, manifest parsing and signature checks, the key, and the patch: as bounded as a full update's poll.
        Assert.True(poll < 128 * 1024, $"a delta poll allocated {poll} bytes in the core");
        Assert.True(DeltaPatcher.WorkingMemoryBytes <= 16 * 1024);
    }
}
