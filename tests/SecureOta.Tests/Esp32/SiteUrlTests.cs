namespace SecureOta.Tests.Esp32;

/// <summary>
/// The ESP32 transport's URL building (device/Esp32/Platform/Portable/SiteUrl.cs): only protocol
/// paths under the checked base URL are ever requested, whatever a manifest or a server says.
/// </summary>
public sealed class SiteUrlTests
{
    private const string SiteUrl = "SecureOta.Device.Esp32.Portable.SiteUrl";
    private const string Base = "https://owner.github.io/repo/ota/v2/";

    [Theory]
    [InlineData("channels/stable.json")]
    [InlineData("roots/12.json")]
    [InlineData("blobs/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("keys/1.2.0+build_7/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Joins_protocol_paths_to_the_base(string path)
    {
        Assert.True((bool)PortableCode.Call(SiteUrl, "IsValidPath", path)!);
        Assert.Equal(Base + path, PortableCode.Call(SiteUrl, "Resolve", Base, path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/channels/stable.json")]
    [InlineData("blobs/../keys/x")]
    [InlineData("blobs/./x")]
    [InlineData("blobs//x")]
    [InlineData("blobs/")]
    [InlineData("..")]
    [InlineData("blobs/x?y=1")]
    [InlineData("blobs/x#y")]
    [InlineData("blobs/%2e%2e")]
    [InlineData("blobs\\x")]
    [InlineData("https://evil.example/x")]
    [InlineData("blobs/x y")]
    public void Refuses_paths_that_could_leave_the_base(string path)
    {
        Assert.False((bool)PortableCode.Call(SiteUrl, "IsValidPath", path)!);
        Assert.Throws<ArgumentException>(() => PortableCode.Call(SiteUrl, "Resolve", Base, path));
    }

    [Fact]
    public void Refuses_a_path_longer_than_512_characters()
    {
        Assert.False((bool)PortableCode.Call(SiteUrl, "IsValidPath", "blobs/" + new string('a', 507))!);
        Assert.True((bool)PortableCode.Call(SiteUrl, "IsValidPath", "blobs/" + new string('a', 506))!);
    }

    [Theory]
    [InlineData("https://owner.github.io/repo/ota/v2/")]
    [InlineData("https://127.0.0.1:8443/ota/v2/")]
    [InlineData("https://example.org/")]
    public void Accepts_an_https_base_ending_in_a_slash(string url)
    {
        Assert.Null(PortableCode.Call(SiteUrl, "CheckBase", url));
    }

    [Theory]
    [InlineData("http://owner.github.io/ota/")]
    [InlineData("https://owner.github.io/ota")]
    [InlineData("https://owner.github.io//ota/")]
    [InlineData("https://owner.github.io/ota/#x/")]
    [InlineData("ftp://owner.github.io/ota/")]
    [InlineData("https://")]
    public void Refuses_a_base_that_is_not_plain_https(string url)
    {
        Assert.NotNull(PortableCode.Call(SiteUrl, "CheckBase", url));
    }
}
