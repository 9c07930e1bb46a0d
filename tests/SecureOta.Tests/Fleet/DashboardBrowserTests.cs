using Microsoft.Playwright;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The dashboard as a person sees it: site/index.html opened in headless Chromium with JavaScript
/// off, from a site with a staged and a halted channel. Checks the visible text of each section and
/// the layout, and keeps screenshots under the test output's artifacts/ folder.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private readonly FleetWorkspace _workspace = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();
        _workspace.Run("--target=Halt", "--channel=beta").AssertSucceeded();
        _workspace.Run().AssertSucceeded();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task A_person_sees_each_channels_release_rollout_expiry_and_artifacts()
    {
        var page = await OpenAsync(1280, 900);

        Assert.Equal("SecureOta releases", await page.TitleAsync());
        Assert.True(await page.GetByText("Signed with DEMO keys").IsVisibleAsync());
        var stable = await page.Locator("#channel-stable").InnerTextAsync();
        Assert.Contains("Current release\n1.2.0", stable, StringComparison.Ordinal);
        Assert.Contains("10 % of devices (staged; widening it keeps every device already in).", stable, StringComparison.Ordinal);
        Assert.Contains("Time left\n14 days 0 h", stable, StringComparison.Ordinal);
        Assert.Equal("10", await page.Locator("#channel-stable meter").GetAttributeAsync("value"));
        var artifact = SiteFiles.Manifest(_workspace.SiteDir, "stable").GetProperty("release").GetProperty("artifacts")[0];
        var row = await page.Locator("#channel-stable table.artifacts tbody tr").First.InnerTextAsync();
        Assert.Contains("full\t" + artifact.GetProperty("size").GetInt32().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        Assert.Contains(artifact.GetProperty("sha256").GetString()!, row, StringComparison.Ordinal);

        var beta = await page.Locator("#channel-beta").InnerTextAsync();
        Assert.Contains("Current release\n1.1.0", beta, StringComparison.Ordinal);
        Assert.Contains("Halted: 1.2.0 is withdrawn; every device is offered 1.1.0.", beta, StringComparison.Ordinal);
        Assert.Contains("Time left\n7 days 0 h", beta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_sees_the_root_its_keys_the_pinned_CAs_and_how_to_verify_by_hand()
    {
        var page = await OpenAsync(1280, 900);

        var trust = await page.Locator("#trust").InnerTextAsync();
        var root = SiteFiles.Payload(SiteFiles.Ota(_workspace.SiteDir, "root.json"));
        Assert.Contains("Root version\n1 (ota/v2/root.json", trust, StringComparison.Ordinal);
        Assert.Contains("key id " + root.GetProperty("roles").GetProperty("release").GetProperty("keyIds")[0].GetString(), trust, StringComparison.Ordinal);
        Assert.Contains("key id " + root.GetProperty("roles").GetProperty("root").GetProperty("keyIds")[0].GetString(), trust, StringComparison.Ordinal);
        Assert.Contains("CN=ISRG Root X1, O=Internet Security Research Group, C=US", trust, StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("tlsAnchors").GetArrayLength(), await page.Locator("#trust table.pins tbody tr").CountAsync());

        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "How to verify a release by hand" }).IsVisibleAsync());
        Assert.Contains("openssl pkeyutl -verify", await page.Locator("#verify").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }

    [Fact]
    public async Task The_page_fits_a_wide_and_a_phone_screen_and_its_screenshots_are_kept()
    {
        var wide = await OpenAsync(1280, 900);
        var stable = (await wide.Locator("#channel-stable").BoundingBoxAsync())!;
        var beta = (await wide.Locator("#channel-beta").BoundingBoxAsync())!;
        Assert.Equal(stable.Y, beta.Y, 1.0); // side by side
        Assert.True((await wide.Locator("body").BoundingBoxAsync())!.Width <= 1280);
        var widePath = Chromium.ArtifactPath("dashboard.png");
        await wide.ScreenshotAsync(new PageScreenshotOptions { Path = widePath, FullPage = true });

        var phone = await OpenAsync(390, 844);
        var stacked = (await phone.Locator("#channel-beta").BoundingBoxAsync())!;
        var below = (await phone.Locator("#channel-stable").BoundingBoxAsync())!;
        Assert.True(below.Y >= stacked.Y + stacked.Height, "on a phone the channel cards stack");
        var phonePath = Chromium.ArtifactPath("dashboard-phone.png");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = phonePath, FullPage = true });

        foreach (var (path, width) in new[] { (widePath, 1280), (phonePath, 390) })
        {
            var png = File.ReadAllBytes(path);
            Assert.True(png.Length > 20_000, $"{path} is only {png.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            // A full-page screenshot is as wide as the page: no wider than the screen means no sideways scrolling.
            Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        }
    }

    private Task<IPage> OpenAsync(int width, int height) => Chromium.OpenDashboardAsync(_browser!, _workspace.SiteDir, width, height);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _workspace.Dispose();
    }
}
