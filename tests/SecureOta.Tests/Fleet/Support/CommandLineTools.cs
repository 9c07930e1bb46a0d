namespace SecureOta.Tests.Fleet.Support;

/// <summary>
/// Finds the command-line tools a test shells out to, on PATH, and fails the test before it runs with
/// the names of those missing and how to install them, rather than with a bash "command not found"
/// buried in the output of a script.
/// </summary>
internal static class CommandLineTools
{
    /// <summary>How to install each tool a test may need, per system (xxd ships with vim on some).</summary>
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["jq"] = "jq",
        ["xxd"] = "xxd",
        ["curl"] = "curl",
        ["openssl"] = "openssl",
        ["sha256sum"] = "coreutils",
        ["bash"] = "bash",
        ["git"] = "git",
        ["script"] = "bsdutils",
    };

    /// <summary>Throws a test failure naming every tool of <paramref name="tools"/> not found on PATH.</summary>
    public static void Require(string test, params string[] tools)
    {
        var missing = Missing(tools, Environment.GetEnvironmentVariable("PATH") ?? "");
        if (missing.Count > 0) throw new Xunit.Sdk.XunitException(MissingMessage(test, missing));
    }

    /// <summary>The tools of <paramref name="tools"/> that no folder of <paramref name="path"/> holds.</summary>
    public static List<string> Missing(IEnumerable<string> tools, string path)
    {
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return tools.Where(tool => !folders.Any(folder => Executables(tool).Any(name => File.Exists(Path.Combine(folder, name))))).ToList();
    }

    public static string MissingMessage(string test, IReadOnlyList<string> missing)
    {
        var debian = string.Join(' ', missing.Select(tool => Packages.GetValueOrDefault(tool, tool)).Distinct());
        var brew = string.Join(' ', missing.Where(tool => tool is not ("xxd" or "curl" or "bash" or "sha256sum" or "script")).Select(tool => Packages.GetValueOrDefault(tool, tool)));
        return $"{test} needs {string.Join(", ", missing)} on PATH, which this machine lacks. Install: " +
            $"Debian/Ubuntu `sudo apt-get install {debian}`; Fedora `sudo dnf install {Fedora(debian)}`; " +
            (brew.Length > 0 ? $"macOS `brew install {brew}`; " : "") +
            "Windows: run the tests from Git Bash or WSL with those tools. See README.md, Prerequisites.";
    }

    private static string Fedora(string debianPackages) =>
        debianPackages.Replace("xxd", "vim-common", StringComparison.Ordinal).Replace("bsdutils", "util-linux-script", StringComparison.Ordinal);

    private static IEnumerable<string> Executables(string tool) =>
        OperatingSystem.IsWindows() ? [tool + ".exe", tool] : [tool];
}
