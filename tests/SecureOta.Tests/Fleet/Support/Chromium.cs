using Microsoft.Playwright;

namespace SecureOta.Tests.Fleet.Support;

/// <summary>
/// Headless Chromium for the dashboard tests, driven by Microsoft.Playwright. It uses, in order: the
/// executable named by SECUREOTA_CHROMIUM; a Chromium or Chrome already on the machine (the usual
/// install paths of Linux, macOS and Windows, then PATH); else Playwright's own Chromium, which
/// Microsoft.Playwright's installer downloads once into its cache. CI keeps Debian's chromium package
/// (.ci/run installs it) because that download cannot reach its servers from CI's network.
/// </summary>
internal static class Chromium
{
    public const string EnvironmentVariable = "SECUREOTA_CHROMIUM";

    private static readonly string[] KnownPaths =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    ];

    private static readonly string[] CommandNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The launch arguments: headless, no sandbox (containers have no user namespaces), nothing that reaches the network.</summary>
    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>
    /// The browser to launch: an executable path, or null for Playwright's own Chromium. Throws a test
    /// failure when SECUREOTA_CHROMIUM names a file that does not exist.
    /// </summary>
    public static string? FindExecutable(string? configured, IEnumerable<string> knownPaths, string path)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            Assert.True(File.Exists(configured), $"{EnvironmentVariable}={configured} does not exist: name a Chromium or Chrome executable, or unset it.");
            return configured;
        }

        return knownPaths.FirstOrDefault(File.Exists)
            ?? path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(folder => CommandNames.Select(name => Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name)))
                .FirstOrDefault(File.Exists);
    }

    public static string? FindExecutable() =>
        FindExecutable(Environment.GetEnvironmentVariable(EnvironmentVariable), KnownPaths, Environment.GetEnvironmentVariable("PATH") ?? "");

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var executable = FindExecutable();
        if (executable is null) await InstallPlaywrightChromiumAsync(Microsoft.Playwright.Program.Main);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// Opens the built dashboard (<paramref name="siteDir"/>/index.html) in a new light-scheme context of
    /// the given viewport, with JavaScript off: the dashboard must read without it.
    /// </summary>
    public static async Task<IPage> OpenDashboardAsync(IBrowser browser, string siteDir, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(siteDir, "index.html")).AbsoluteUri);
        return page;
    }

    /// <summary>Where screenshots are kept: artifacts/ under the test output folder.</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        return Path.Combine(folder, fileName);
    }

    /// <summary>
    /// Runs Microsoft.Playwright's installer for its Chromium (it returns at once when that is already
    /// cached), one test class at a time; a failure names what to install instead.
    /// </summary>
    internal static async Task InstallPlaywrightChromiumAsync(Func<string[], int> installer)
    {
        await InstallGate.WaitAsync();
        try
        {
            int exit = await Task.Run(() => installer(["install", "chromium"]));
            if (exit != 0)
            {
                throw new Xunit.Sdk.XunitException(
                    $"No Chromium or Chrome found, and Playwright's installer could not download its own (exit {exit}; it needs internet access). " +
                    $"Install one (Debian/Ubuntu `sudo apt-get install chromium`, Fedora `sudo dnf install chromium`, macOS `brew install --cask chromium`, " +
                    $"or Google Chrome), or set {EnvironmentVariable} to a Chromium or Chrome executable.");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
