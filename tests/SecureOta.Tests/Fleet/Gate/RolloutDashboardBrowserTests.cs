using Microsoft.Playwright;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>
/// The dashboard's "Rollouts and device reports" section as a person sees it, in headless Chromium with
/// JavaScript off, after a refresh whose gate halted stable from the collector's reports.
/// </summary>
public sealed class RolloutDashboardBrowserTests : IAsyncLifetime
{
    private readonly FleetWorkspace _workspace = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string Live => Path.Combine(_workspace.Root, "live", "site");

    public async Task InitializeAsync()
    {
        File.WriteAllText(_workspace.ChannelsFile, """
            {"channels": {
              "stable": {"manifestLifetimeDays": 14, "deltaBaseCount": 3, "rollout": {"release": "1.2.0", "percent": 10, "state": "active"},
                         "rolloutPolicy": {"steps": [1, 10, 50, 100], "minReports": 10, "maxFailureRate": 0.2}},
              "beta": {"manifestLifetimeDays": 7, "deltaBaseCount": 3}}}
            """);
        _workspace.Run("--site-dir=" + Live).AssertSucceeded();
        _workspace.Run("--rollout-gate", "--live-site=" + SiteFiles.Ota(Live), "--now=" + (FleetWorkspace.NowSeconds + 3600),
            "--collector-summary=" + GateFixtures.SummaryFile("reverting-1.2.0.json")).AssertSucceeded();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task A_person_sees_the_reports_per_release_and_why_the_gate_halted()
    {
        var page = await OpenAsync(1280, 900);

        var stable = await page.Locator("#rollout-stable").InnerTextAsync();
        Assert.Contains("Manifest targets\n1.1.0", stable, StringComparison.Ordinal);
        Assert.Contains("100 %, halted", stable, StringComparison.Ordinal);
        Assert.Contains("1.2.0\t10\t4\t5\t1\t0", stable, StringComparison.Ordinal);
        Assert.Contains("Versions in the field: 1.1.0 on 96 device(s), 1.2.0 on 4 device(s)", stable, StringComparison.Ordinal);
        Assert.Contains("reverted, trial not confirmed <script> (5 device(s))", stable, StringComparison.Ordinal);
        Assert.Contains("halt\t10 % → 100 %\t10\t60.0 %\tfailure rate 60 % (6 of 10 devices) is over the maximum 20 %", stable, StringComparison.Ordinal);
        Assert.Contains("off (no rolloutPolicy)", await page.Locator("#rollout-beta").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }

    [Fact]
    public async Task The_rollouts_section_fits_a_phone_screen()
    {
        var phone = await OpenAsync(390, 844);

        Assert.True(await phone.Locator("#rollouts").IsVisibleAsync());
        var path = Chromium.ArtifactPath("dashboard-rollouts-phone.png");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.Equal(390, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(path).AsSpan(16, 4)));
    }

    private Task<IPage> OpenAsync(int width, int height) => Chromium.OpenDashboardAsync(_browser!, _workspace.SiteDir, width, height);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _workspace.Dispose();
    }
}
