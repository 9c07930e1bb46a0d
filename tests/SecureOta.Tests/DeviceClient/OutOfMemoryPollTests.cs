using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// A poll that runs out of heap (an ESP32 has 80-110 KB) ends as a typed OutOfMemory result at the poll
/// boundary: the running image and the stored state stay as they were, and the next poll completes.
/// </summary>
public sealed class OutOfMemoryPollTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(5000, 71);
    private readonly byte[] _newImage = TestSite.Image(3 * 4096 + 10, 72);

    public OutOfMemoryPollTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
        _site.Publish(_newImage, "2.0.0", 2);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Out_of_memory_in_the_transport_ends_the_poll_as_OutOfMemory_and_stores_nothing()
    {
        var transport = new RiggedTransport(_device.Transport) { ThrowOnce = new OutOfMemoryException() };
        UpdateClient client = _device.NewClient(transport: transport);
        byte[] state = _device.StateBytes();

        UpdateReport report = client.Poll();

        Assert.Equal(UpdateResult.OutOfMemory, report.Result);
        Assert.Equal("MEM", report.Failure!.Step);
        Assert.Contains("ran out of heap", report.Failure.Message, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Equal(state, _device.StateBytes());
        Assert.Empty(_device.SlotBytes(SlotId.B));
        // The same client carries on: it reloads the root it dropped and installs the release.
        UpdateReport retried = client.Poll();
        Assert.True(retried.Result == UpdateResult.TrialScheduled, retried.ToString());
        Assert.Equal(_newImage, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Out_of_memory_while_writing_the_inactive_slot_keeps_the_running_image_bootable()
    {
        var flash = new ThrowingFileStore(_device.Flash, FileSlotStore.SlotBName, new OutOfMemoryException());
        _device.Files = flash;

        UpdateReport report = _device.Poll();

        Assert.True(flash.HasThrown);
        Assert.Equal(UpdateResult.OutOfMemory, report.Result);
        _device.Files = _device.Flash;
        BootState state = _device.State();
        Assert.Equal((SlotId.A, true, 1L), (state.ActiveSlot, state.Confirmed, state.InstalledSecurityVersion));
        BootDecision boot = _device.Boot();
        Assert.Equal(BootOutcome.RunConfirmed, boot.Outcome);
        Assert.Equal(_factoryImage, _device.SlotBytes(boot.Slot));
        UpdateReport retried = _device.Poll();
        Assert.True(retried.Result == UpdateResult.TrialScheduled, retried.ToString());
        Assert.Equal(_newImage, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Out_of_memory_is_logged_by_name_not_as_an_internal_error()
    {
        var transport = new RiggedTransport(_device.Transport) { ThrowOnce = new OutOfMemoryException("no 4 KiB block left") };

        UpdateReport report = _device.NewClient(transport: transport).Poll();

        Assert.NotEqual(UpdateResult.InternalError, report.Result);
        Assert.StartsWith("OutOfMemory (", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("MEM the poll ran out of heap", report.ToString(), StringComparison.Ordinal);
    }
}
