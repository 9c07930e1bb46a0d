using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Host;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>The device's own recipient key: made on the device at first boot, then the same for ever unless its file is damaged.</summary>
public sealed class DeviceKeyStoreTests
{
    private readonly MemoryFileStore _flash = new();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly TestEntropy _entropy = new();

    private RecipientKey Boot(out DeviceKeyOutcome outcome) => new DeviceKeyStore(_flash, _hmac, _entropy).LoadOrCreate(out outcome);

    [Fact]
    public void First_boot_creates_the_key_and_later_boots_load_the_same_one()
    {
        RecipientKey first = Boot(out DeviceKeyOutcome created);
        RecipientKey again = Boot(out DeviceKeyOutcome loaded);

        Assert.Equal((DeviceKeyOutcome.Created, DeviceKeyOutcome.Loaded), (created, loaded));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, _entropy.Calls);
        Assert.Equal(64, _flash.Length(DeviceKeyStore.FileName));
    }

    [Fact]
    public void Damaged_key_file_is_replaced_and_reported()
    {
        RecipientKey first = Boot(out _);
        byte[] file = _flash.Read(DeviceKeyStore.FileName);
        file[3] ^= 1;
        _flash.Write(DeviceKeyStore.FileName, file);

        RecipientKey replaced = Boot(out DeviceKeyOutcome outcome);

        Assert.Equal(DeviceKeyOutcome.Replaced, outcome);
        Assert.NotEqual(first.Id, replaced.Id);
    }

    [Fact]
    public void Power_cut_while_creating_the_key_gives_one_stable_key_on_the_next_boot()
    {
        for (int cut = 1; cut <= 3; cut++)
        {
            var flash = new MemoryFileStore();
            var power = new PowerCutFileStore(flash, cut);
            Assert.Throws<PowerCutException>(() => new DeviceKeyStore(power, _hmac, _entropy).LoadOrCreate(out _));

            RecipientKey key = new DeviceKeyStore(flash, _hmac, _entropy).LoadOrCreate(out _);
            RecipientKey reloaded = new DeviceKeyStore(flash, _hmac, _entropy).LoadOrCreate(out DeviceKeyOutcome outcome);

            Assert.Equal(DeviceKeyOutcome.Loaded, outcome);
            Assert.Equal(key.Id, reloaded.Id);
        }
    }
}
