using System.Text;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The device's recipient key on the ESP32 (device/Esp32/Loader/Portable/DeviceIdentity.cs): made once
/// from the entropy source, kept across boots, and shown with the AddDevice command that registers it
/// in keys/recipients.json. Only public material is ever written out.
/// </summary>
public sealed class DeviceIdentityTests
{
    private const string Identity = "SecureOta.Device.Esp32.Loader.Portable.DeviceIdentity";

    private readonly MemoryFileStore _drive = new();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly TestEntropy _entropy = new();

    [Fact]
    public void Makes_the_key_at_first_boot_and_keeps_it_afterwards()
    {
        RecipientKey first = LoadOrCreate();
        RecipientKey second = LoadOrCreate();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, _entropy.Calls);
    }

    [Fact]
    public void Records_the_public_key_and_the_command_that_registers_it()
    {
        RecipientKey key = LoadOrCreate();

        string[] lines = Encoding.UTF8.GetString(_drive.Read("device.id.txt")).Split('\n');
        string publicHex = Hex.Encode(key.GetPublicKey());

        Assert.Contains("recipient id: " + key.Id, lines);
        Assert.Contains("public key: " + publicHex, lines);
        Assert.Contains("register: ./build.sh --target=AddDevice --name=esp32-" + key.Id[..12] + " --key=" + publicHex, lines);
    }

    [Fact]
    public void Never_writes_the_private_key_into_the_identity_file()
    {
        LoadOrCreate();

        string privateHex = Hex.Encode(_drive.Read("device.key").Take(32).ToArray());
        string text = Encoding.UTF8.GetString(_drive.Read("device.id.txt"));
        Assert.DoesNotContain(privateHex, text);
    }

    private RecipientKey LoadOrCreate() => (RecipientKey)PortableCode.Call(Identity, "LoadOrCreate", _drive, _hmac, _entropy)!;
}
