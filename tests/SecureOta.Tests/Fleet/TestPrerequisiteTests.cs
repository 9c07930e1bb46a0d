using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// What a maintainer sees when a tool that a test shells out to, or the browser of the dashboard test,
/// is missing: the names of what is missing and how to install it.
/// </summary>
public sealed class TestPrerequisiteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secureota-tools-").FullName;

    [Fact]
    public void Missing_tools_are_named_with_the_packages_that_install_them()
    {
        File.WriteAllText(Path.Combine(_folder, "curl"), "");

        var missing = CommandLineTools.Missing(VerifyByHandTests.Tools, _folder);
        var message = CommandLineTools.MissingMessage(nameof(VerifyByHandTests), missing);

        Assert.DoesNotContain("curl", missing);
        Assert.Contains("jq", missing);
        Assert.Contains("xxd", missing);
        Assert.Contains("openssl", missing);
        Assert.StartsWith("VerifyByHandTests needs bash, jq, xxd, openssl, sha256sum on PATH", message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install bash jq xxd openssl coreutils", message, StringComparison.Ordinal);
        Assert.Contains("sudo dnf install bash jq vim-common openssl coreutils", message, StringComparison.Ordinal);
        Assert.Contains("brew install jq openssl", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tools_found_in_any_folder_of_path_are_not_missing()
    {
        var other = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        foreach (var tool in VerifyByHandTests.Tools) File.WriteAllText(Path.Combine(tool.Length % 2 == 0 ? _folder : other, tool), "");

        Assert.Empty(CommandLineTools.Missing(VerifyByHandTests.Tools, _folder + Path.PathSeparator + other));
    }

    [Fact]
    public void This_machine_has_every_tool_the_verify_by_hand_steps_call()
    {
        // The README lists them as prerequisites of the tests, and .ci/run installs them.
        CommandLineTools.Require(nameof(VerifyByHandTests), VerifyByHandTests.Tools);
    }

    [Fact]
    public void The_browser_named_by_SECUREOTA_CHROMIUM_comes_first()
    {
        var configured = Path.Combine(_folder, "my-chrome");
        var known = Path.Combine(_folder, "chromium");
        File.WriteAllText(configured, "");
        File.WriteAllText(known, "");

        Assert.Equal(configured, Chromium.FindExecutable(configured, [known], ""));
    }

    [Fact]
    public void A_SECUREOTA_CHROMIUM_that_does_not_exist_fails_with_its_name()
    {
        var configured = Path.Combine(_folder, "no-such-chrome");

        var failure = Assert.ThrowsAny<Exception>(() => Chromium.FindExecutable(configured, [], ""));

        Assert.Contains($"SECUREOTA_CHROMIUM={configured} does not exist", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_browser_on_path_is_found_when_no_known_install_path_exists()
    {
        var onPath = Path.Combine(_folder, OperatingSystem.IsWindows() ? "chrome.exe" : "chrome");
        File.WriteAllText(onPath, "");

        Assert.Equal(onPath, Chromium.FindExecutable(null, [Path.Combine(_folder, "absent")], _folder));
    }

    [Fact]
    public void No_browser_anywhere_means_playwrights_own_chromium()
    {
        Assert.Null(Chromium.FindExecutable(null, [Path.Combine(_folder, "absent")], _folder));
    }

    [Fact]
    public async Task Without_a_browser_playwrights_installer_is_asked_for_its_chromium()
    {
        string[]? asked = null;

        await Chromium.InstallPlaywrightChromiumAsync(arguments => { asked = arguments; return 0; });

        Assert.Equal(["install", "chromium"], asked ?? []);
    }

    [Fact]
    public async Task A_failed_playwright_download_says_which_browser_to_install()
    {
        // What happens on a machine without internet access, such as CI's: the installer exits 1.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Chromium.InstallPlaywrightChromiumAsync(_ => 1));

        Assert.Contains("No Chromium or Chrome found, and Playwright's installer could not download its own (exit 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install chromium", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SECUREOTA_CHROMIUM", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
