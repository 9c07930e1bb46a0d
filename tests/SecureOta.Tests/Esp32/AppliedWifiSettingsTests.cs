using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The loader stores provision.json's Wi-Fi settings in the firmware and reboots once per change
/// (device/Esp32/Loader/Portable/AppliedWifiSettings.cs): never in a loop, and again after an edit.
/// </summary>
public sealed class AppliedWifiSettingsTests
{
    private const string Applied = "SecureOta.Device.Esp32.Loader.Portable.AppliedWifiSettings";

    private readonly MemoryFileStore _drive = new();
    private readonly DotNetHmacSha256 _hmac = new();

    [Fact]
    public void Settings_count_as_applied_once_remembered()
    {
        Assert.False(IsApplied("lab", "passphrase"));

        PortableCode.Call(Applied, "Remember", _drive, _hmac, "lab", "passphrase");

        Assert.True(IsApplied("lab", "passphrase"));
    }

    [Theory]
    [InlineData("lab2", "passphrase")]
    [InlineData("lab", "passphrase2")]
    [InlineData("labp", "assphrase")]
    public void An_edited_network_or_passphrase_is_stored_again(string ssid, string password)
    {
        PortableCode.Call(Applied, "Remember", _drive, _hmac, "lab", "passphrase");

        Assert.False(IsApplied(ssid, password));
    }

    [Fact]
    public void Keeps_no_copy_of_the_passphrase()
    {
        PortableCode.Call(Applied, "Remember", _drive, _hmac, "lab", "passphrase");

        byte[] stored = _drive.Read("wifi.applied");
        Assert.Equal(32, stored.Length);
        Assert.DoesNotContain("passphrase", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_record_counts_as_not_applied()
    {
        _drive.Write("wifi.applied", new byte[5]);

        Assert.False(IsApplied("lab", "passphrase"));
    }

    private bool IsApplied(string ssid, string password) =>
        (bool)PortableCode.Call(Applied, "IsApplied", _drive, _hmac, ssid, password)!;
}
