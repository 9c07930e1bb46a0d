using System.Text;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// What a poll costs in heap when a mirror pads the documents it serves with members the protocol ignores
/// (issue 9; docs/PROTOCOL.md section 11, "Heap"). A padded envelope still verifies: its signatures cover the
/// payload, not the envelope's other members. Measured as the bytes the core allocates on this thread during
/// the poll (seams excluded) plus the client's document buffer, which an earlier poll allocated: an upper
/// bound of the poll's peak heap, since nothing freed is subtracted.
/// </summary>
public sealed class PollHeapTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The bound on a poll's peak managed heap.</summary>
    private const int PollHeapBound = 48 * 1024;

    /// <summary>The client's reused document buffer: the largest document (a root) and one byte (DocumentReader.BufferSize).</summary>
    private const int DocumentBuffer = RootVerifier.MaxEnvelopeSize + 1;

    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>The envelope with <c>"junk":[{},{},...]</c> added so that it is exactly <paramref name="size"/> bytes.</summary>
    internal static byte[] PadWithJunk(byte[] envelope, int size)
    {
        string text = Encoding.UTF8.GetString(envelope);
        Assert.EndsWith("}", text);
        var padded = new StringBuilder(text, 0, text.Length - 1, size).Append(",\"junk\":[{}");
        while (padded.Length + 4 <= size - 1) padded.Append(",{}");
        padded.Append(']');
        while (padded.Length < size - 1) padded.Insert(padded.Length - 1, ' ');
        padded.Append('}');
        byte[] bytes = Encoding.UTF8.GetBytes(padded.ToString());
        Assert.Equal(size, bytes.Length);
        return bytes;
    }

    /// <summary>A poll after <paramref name="change"/>, by a client whose first poll already loaded the stored root and warmed the verifier.</summary>
    private (UpdateReport Report, long Bytes) MeasurePoll(TestDevice device, Action change)
    {
        var meter = new AllocationMeter();
        using var aes = new DotNetAes128();
        var crypto = new MeteredCrypto(aes, new DotNetHmacSha256(), meter);
        var files = new MeteredFileStore(device.Flash, meter);
        var platform = new DevicePlatform(new MeteredTransport(device.Transport, meter), files,
            new SecureOta.Device.Core.Boot.FileSlotStore(files, TestDevice.SlotCapacity), crypto, crypto, device.Clock, device.Rebooter);
        var client = new UpdateClient(platform, new UpdateClientOptions(TestSite.Channel, [_site.Device]));
        // A first poll loads the stored root and warms the verifier's static tables: what every later poll finds in place.
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
        change();
        long start = meter.CoreBytes;
        UpdateReport report = client.Poll();
        return (report, meter.CoreBytes - start);
    }

    [Fact]
    public void Junk_members_in_a_manifest_and_a_root_allocate_no_tree_and_the_poll_stays_under_48_KB()
    {
        byte[] image = TestSite.Image(4096, 71);
        _site.Publish(image, "1.0.0", 1);
        using var device = new TestDevice(_site);
        device.Provision(image);

        var (report, bytes) = MeasurePoll(device, () =>
        {
            _site.RotateRoot();
            _site.Publish(image, "1.0.0", 1, issued: TestSite.Now - 30);
            string rootPath = "roots/" + _site.RootVersion + ".json";
            _site.Files[rootPath] = PadWithJunk(_site.Files[rootPath], RootVerifier.MaxEnvelopeSize);
            _site.Files[TestSite.ChannelPath] = PadWithJunk(_site.Files[TestSite.ChannelPath], ChannelManifestVerifier.MaxEnvelopeSize);
        });

        output.WriteLine($"poll with a {ChannelManifestVerifier.MaxEnvelopeSize}-byte padded manifest and a {RootVerifier.MaxEnvelopeSize}-byte padded root: " +
            $"{report.Result}; core allocated {bytes} bytes, plus the {DocumentBuffer}-byte document buffer: {bytes + DocumentBuffer} bytes at most");
        Assert.True(report.Result == UpdateResult.UpToDate, report.ToString());
        Assert.Equal(_site.RootVersion, device.State().TrustedRootVersion);
        Assert.True(bytes + DocumentBuffer <= PollHeapBound, $"the poll allocated {bytes} bytes besides its {DocumentBuffer}-byte buffer, over {PollHeapBound} in all");
    }

    [Fact]
    public void A_root_padded_by_a_mirror_is_stored_without_the_padding_and_loads_again()
    {
        byte[] image = TestSite.Image(4096, 72);
        _site.Publish(image, "1.0.0", 1);
        using var device = new TestDevice(_site);
        device.Provision(image);
        _site.RotateRoot();
        _site.Publish(image, "1.0.0", 1, issued: TestSite.Now - 30);
        string rootPath = "roots/" + _site.RootVersion + ".json";
        byte[] served = _site.Files[rootPath];
        _site.Files[rootPath] = PadWithJunk(served, RootVerifier.MaxEnvelopeSize);

        Assert.Equal(UpdateResult.UpToDate, device.Poll().Result);

        byte[] stored = device.Flash.Read(SecureOta.Device.Core.Boot.TrustedRootStore.FileName(_site.RootVersion));
        Assert.DoesNotContain("junk", Encoding.UTF8.GetString(stored));
        Assert.True(stored.Length <= served.Length, $"stored {stored.Length} bytes for a {served.Length}-byte root");
        Assert.True(RootVerifier.TryLoadTrusted(stored, out TrustedRoot root, out VerificationFailure failure), failure?.ToString());
        Assert.Equal(_site.RootVersion, root.Version);
        Assert.Equal(UpdateResult.UpToDate, device.Poll().Result);
    }
}
