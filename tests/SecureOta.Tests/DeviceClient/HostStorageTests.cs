using SecureOta.Device.Core.Boot;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>The host's flash stand-ins: a folder of files, and a wrapper that cuts the power.</summary>
public sealed class HostStorageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Directory_store_creates_appends_truncates_and_deletes_files()
    {
        var store = new DirectoryFileStore(_folder.Path);
        Assert.False(store.Exists("state.0"));
        Assert.Equal(-1, store.Length("state.0"));

        using (Stream s = store.OpenWrite("state.0", append: false)) s.Write([1, 2, 3]);
        using (Stream s = store.OpenWrite("state.0", append: true)) s.Write([4]);
        Assert.Equal(4, store.Length("state.0"));
        using (Stream s = store.OpenRead("state.0")) Assert.Equal([1, 2, 3, 4], ReadAll(s));

        using (Stream s = store.OpenWrite("state.0", append: false)) s.Write([9]);
        Assert.Equal(1, store.Length("state.0"));
        store.Delete("state.0");
        store.Delete("state.0");
        Assert.False(store.Exists("state.0"));
        Assert.False(File.Exists(Path.Combine(_folder.Path, "state.0")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("sub/file")]
    [InlineData("..")]
    [InlineData("a\\b")]
    public void Directory_store_refuses_names_that_are_not_flat(string name)
    {
        var store = new DirectoryFileStore(_folder.Path);

        Assert.Throws<ArgumentException>(() => store.OpenWrite(name, append: false));
    }

    [Fact]
    public void Device_runs_on_a_directory_store()
    {
        using var site = new TestSite();
        using var device = new TestDevice(site, new DirectoryFileStore(_folder.Path));
        device.Provision(TestSite.Image(5000, 71));
        byte[] image = TestSite.Image(9000, 72);
        site.Publish(image, "1.1.0", 1);

        Assert.Equal(SecureOta.Device.Core.Update.UpdateResult.TrialScheduled, device.Poll().Result);
        Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
        Assert.Equal(image, File.ReadAllBytes(Path.Combine(_folder.Path, FileSlotStore.SlotBName)));
        Assert.True(File.Exists(Path.Combine(_folder.Path, BootStateStore.FactoryName)));
    }

    [Fact]
    public void Power_cut_counts_every_mutating_operation()
    {
        var power = new PowerCutFileStore(new MemoryFileStore());

        using (Stream s = power.OpenWrite("f", append: false))
        {
            s.Write([1, 2]);
            s.Flush();
            s.Write([3]);
        }
        power.Delete("g");
        using (Stream s = power.OpenRead("f")) ReadAll(s);
        power.Exists("f");

        Assert.Equal(5, power.Operations);
    }

    [Fact]
    public void Power_cut_tears_the_write_and_refuses_everything_until_power_returns()
    {
        var flash = new MemoryFileStore();
        var power = new PowerCutFileStore(flash, cutAt: 3);
        using (Stream s = power.OpenWrite("f", append: false))
        {
            s.Write([1, 2, 3, 4]);
            Assert.Throws<PowerCutException>(() => s.Write([5, 6, 7, 8, 9, 10]));
            Assert.Throws<PowerCutException>(() => s.Flush());
        }

        Assert.True(power.IsPoweredOff);
        Assert.Throws<PowerCutException>(() => power.Exists("f"));
        Assert.Throws<PowerCutException>(() => power.OpenRead("f"));
        Assert.Throws<PowerCutException>(() => power.Delete("f"));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], flash.Read("f"));

        power.RestorePower();
        Assert.Equal(7, power.Length("f"));
        using (Stream s = power.OpenWrite("f", append: true)) s.Write([11]);
        Assert.Equal(8, flash.Length("f"));
    }

    [Fact]
    public void Power_cut_at_an_open_truncates_and_at_a_delete_keeps_the_file()
    {
        var flash = new MemoryFileStore();
        flash.Write("a", [1, 2, 3]);
        flash.Write("b", [4]);

        Assert.Throws<PowerCutException>(() => new PowerCutFileStore(flash, cutAt: 1).OpenWrite("a", append: false));
        Assert.Throws<PowerCutException>(() => new PowerCutFileStore(flash, cutAt: 1).Delete("b"));

        Assert.Equal(0, flash.Length("a"));
        Assert.Equal([4], flash.Read("b"));
    }

    [Fact]
    public void File_slots_write_from_zero_or_continue_at_their_end_only()
    {
        var slots = new FileSlotStore(new MemoryFileStore(), 100);
        using (Stream s = slots.OpenWrite(SlotId.A, 0)) s.Write([1, 2, 3]);
        using (Stream s = slots.OpenWrite(SlotId.A, 3)) s.Write([4]);

        Assert.Equal(4, slots.Length(SlotId.A));
        Assert.Equal(0, slots.Length(SlotId.B));
        Assert.Throws<ArgumentOutOfRangeException>(() => slots.OpenWrite(SlotId.A, 2));
        using (Stream s = slots.OpenWrite(SlotId.A, 0)) s.Write([7]);
        using (Stream s = slots.OpenRead(SlotId.A)) Assert.Equal([7], ReadAll(s));
        slots.Erase(SlotId.A);
        Assert.Equal(0, slots.Length(SlotId.A));
        Assert.Throws<FileNotFoundException>(() => slots.OpenRead(SlotId.B));
        Assert.Throws<ArgumentOutOfRangeException>(() => slots.Length(SlotId.None));
    }
}
