using SecureOta.Device.Core.Boot;
using SecureOta.Device.Host;
using SecureOta.Device.Host.Storage;

namespace SecureOta.Tests.EndToEnd;

/// <summary>Reads a simulated device's state folder the way its loader would: the boot state and the slots.</summary>
internal static class StoredDevice
{
    public static BootState ReadState(string stateDir)
    {
        var state = new BootState();
        Assert.NotEqual(BootStateSource.None, new BootStateStore(new DirectoryFileStore(stateDir), new DotNetHmacSha256()).Load(state));
        return state;
    }

    public static byte[] ReadSlot(string stateDir, SlotId slot) =>
        File.ReadAllBytes(Path.Combine(stateDir, slot == SlotId.A ? FileSlotStore.SlotAName : FileSlotStore.SlotBName));

    /// <summary>Every file in the folder with its bytes, to show that a run changed nothing.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string stateDir) =>
        new(Directory.GetFiles(stateDir).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes), StringComparer.Ordinal);
}
