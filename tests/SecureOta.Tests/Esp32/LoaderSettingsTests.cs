using System.Text;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The loader's provisioning settings (device/Esp32/Loader/Portable/LoaderSettings.cs): the site URL
/// and channel a device polls are checked before anything is fetched, optional tuning is range-checked,
/// and anything malformed leaves the device waiting with a reason rather than guessing.
/// </summary>
public sealed class LoaderSettingsTests
{
    private const string Settings = "SecureOta.Device.Esp32.Loader.Portable.LoaderSettings";
    private const string Minimal = "{\"siteUrl\": \"https://owner.github.io/repo/ota/v2/\", \"channel\": \"stable\", \"securityVersion\": 2}";

    [Fact]
    public void Reads_site_channel_and_security_version_with_defaults_for_the_rest()
    {
        var settings = Parse(Minimal, out string? problem);

        Assert.Null(problem);
        Assert.Equal("https://owner.github.io/repo/ota/v2/", PortableCode.Get<string>(settings!, "SiteBaseUrl"));
        Assert.Equal("stable", PortableCode.Get<string>(settings!, "Channel"));
        Assert.Equal(2L, PortableCode.Get<long>(settings!, "SecurityVersion"));
        Assert.Equal(96L * 1024, PortableCode.Get<long>(settings!, "SlotCapacity"));
        Assert.Equal(3, PortableCode.Get<int>(settings!, "MaxTrialBoots"));
        Assert.Equal(3600, PortableCode.Get<int>(settings!, "PollSeconds"));
        Assert.Equal(300, PortableCode.Get<int>(settings!, "TrialConfirmSeconds"));
        Assert.Null(PortableCode.Get<string?>(settings!, "WifiSsid"));
    }

    [Fact]
    public void Reads_tuning_and_wifi_when_given()
    {
        var settings = Parse("{\"siteUrl\": \"https://127.0.0.1:8443/ota/v2/\", \"channel\": \"beta-2\", \"securityVersion\": 0," +
            " \"slotCapacity\": 1048576, \"maxTrialBoots\": 5, \"pollSeconds\": 600, \"trialConfirmSeconds\": 120," +
            " \"wifiSsid\": \"lab\", \"wifiPassword\": \"secret-passphrase\"}", out string? problem);

        Assert.Null(problem);
        Assert.Equal(1048576L, PortableCode.Get<long>(settings!, "SlotCapacity"));
        Assert.Equal(5, PortableCode.Get<int>(settings!, "MaxTrialBoots"));
        Assert.Equal(600, PortableCode.Get<int>(settings!, "PollSeconds"));
        Assert.Equal(120, PortableCode.Get<int>(settings!, "TrialConfirmSeconds"));
        Assert.Equal("lab", PortableCode.Get<string>(settings!, "WifiSsid"));
        Assert.Equal("secret-passphrase", PortableCode.Get<string>(settings!, "WifiPassword"));
    }

    [Theory]
    [InlineData("http://owner.github.io/repo/ota/v2/", "https://")]
    [InlineData("https://owner.github.io/repo/ota/v2", "end with '/'")]
    [InlineData("https://user@owner.github.io/ota/", "contains '@'")]
    [InlineData("https://owner.github.io/ota/?x=1/", "contains '?'")]
    [InlineData("https://owner.github.io/a/../ota/", "'..'")]
    [InlineData("https:///ota/", "no host")]
    public void Rejects_a_site_url_the_device_must_not_poll(string url, string expected)
    {
        Assert.Null(Parse(Minimal.Replace("https://owner.github.io/repo/ota/v2/", url), out string? problem));
        Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../stable")]
    [InlineData("a/b")]
    [InlineData("stable?x")]
    [InlineData("a-very-long-channel-name-over-32-chars")]
    [InlineData("Stable")]
    [InlineData("stable.json")]
    public void Rejects_a_channel_that_is_not_a_plain_name(string channel)
    {
        Assert.Null(Parse(Minimal.Replace("\"stable\"", "\"" + channel + "\""), out string? problem));
        Assert.Contains("channel", problem);
    }

    [Theory]
    [InlineData("\"pollSeconds\": 59", "pollSeconds")]
    [InlineData("\"maxTrialBoots\": 0", "maxTrialBoots")]
    [InlineData("\"slotCapacity\": \"big\"", "slotCapacity")]
    [InlineData("\"wifiSsid\": \"lab\"", "wifiSsid and wifiPassword")]
    public void Rejects_out_of_range_or_incomplete_options(string member, string expected)
    {
        Assert.Null(Parse(Minimal.TrimEnd('}') + ", " + member + "}", out string? problem));
        Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData("{\"channel\": \"stable\", \"securityVersion\": 1}", "siteUrl is missing")]
    [InlineData("{\"siteUrl\": \"https://a.b/\", \"channel\": \"stable\", \"channel\": \"beta\", \"securityVersion\": 1}", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    public void Rejects_a_file_that_is_not_well_formed(string json, string expected)
    {
        Assert.Null(Parse(json, out string? problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Rejects_a_file_larger_than_it_reads()
    {
        string padded = Minimal.TrimEnd('}') + ", \"pad\": \"" + new string('x', 5000) + "\"}";

        Assert.Null(Parse(padded, out string? problem));
        Assert.Contains("at most 4096", problem);
    }

    private static object? Parse(string json, out string? problem)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        object?[] args = [bytes, bytes.Length, null];
        var settings = PortableCode.Call(Settings, "Parse", args);
        problem = (string?)args[2];
        return settings;
    }
}
