using Microsoft.Playwright;

namespace SecureOta.Tests.Fleet.Support;

/// <summary>
/// Headless Chromium for the dashboard tests, driven by Microsoft.Playwright but never downloaded by
/// it: the executable is Debian's chromium package (/usr/bin/chromium, which .ci/run installs when it
/// is missing), or the one named by SECUREOTA_CHROMIUM, or a Chrome found on the usual paths of CI runners.
/// </summary>
internal static class Chromium
{
    public const string EnvironmentVariable = "SECUREOTA_CHROMIUM";

    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The launch arguments: headless, no sandbox (containers have no user namespaces), nothing that reaches the network.</summary>
    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            Assert.True(File.Exists(configured), $"{EnvironmentVariable}={configured} does not exist.");
            return configured;
        }

        return KnownPaths.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("No Chromium found: install Debian's chromium package (.ci/run does: apt-get install chromium), " +
                $"or set {EnvironmentVariable} to a Chromium or Chrome executable.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath(),
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });

    /// <summary>Where screenshots are kept: artifacts/ under the test output folder.</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        return Path.Combine(folder, fileName);
    }
}
