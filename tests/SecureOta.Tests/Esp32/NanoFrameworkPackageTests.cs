namespace SecureOta.Tests.Esp32;

/// <summary>
/// Every package the ESP32 projects restore is one the shared device facts (NANOFRAMEWORK.md, "Package
/// ids and versions") name, at a version of the line they give, or a dependency those packages declare,
/// at one version across all projects (a device runs one copy of each assembly).
/// </summary>
public sealed class NanoFrameworkPackageTests
{
    // Quoted from ../shared/NANOFRAMEWORK.md (whitespace collapsed); checked against it when it is present.
    private const string ListedPackages =
        "nanoFramework.CoreLibrary 1.17.11, nanoFramework.System.IO.Streams 1.1.96, nanoFramework.System.Text 1.3.42, " +
        "nanoFramework.System.Math 1.5.116 (only if Math is used), nanoFramework.System.Net.Http.Client 1.5.x, " +
        "nanoFramework.System.Net 1.11.x, nanoFramework.Json 2.2.x, nanoFramework.System.Security.Cryptography " +
        "1.0.43, nanoFramework.System.IO.FileSystem 1.1.93, nanoFramework.System.Collections, " +
        "nanoFramework.Runtime.Native 1.7.11, nanoFramework.Hardware.Esp32 1.6.42, nanoFramework.Networking.Sntp.";

    // Not named there, but declared dependencies of packages that are; pinned here (and in device/Esp32/README.md).
    private static readonly Dictionary<string, string> Dependencies = new(StringComparer.Ordinal)
    {
        ["nanoFramework.Runtime.Events"] = "1.11.32",      // needed by System.Net, Http.Client, IO.FileSystem, Hardware.Esp32
        ["nanoFramework.System.Threading"] = "1.1.52",     // needed by Http.Client
    };

    [Fact]
    public void Package_ids_and_versions_match_the_listed_lines()
    {
        var listed = ParseListed(ListedPackages);
        if (RepositoryRoot.Shared is { } shared && File.Exists(Path.Combine(shared, "NANOFRAMEWORK.md")))
        {
            Assert.Contains(Collapse(ListedPackages), Collapse(File.ReadAllText(Path.Combine(shared, "NANOFRAMEWORK.md"))));
        }

        var packages = NanoFrameworkProject.All().SelectMany(p => p.Packages.Select(package => (Project: p.Name, package.Id, package.Version))).ToList();
        Assert.NotEmpty(packages);
        foreach (var (project, id, version) in packages)
        {
            if (listed.TryGetValue(id, out string? line))
            {
                Assert.True(Matches(version, line), $"{project}: {id} {version} is not of the listed line {line ?? "(any)"}");
            }
            else
            {
                Assert.True(Dependencies.TryGetValue(id, out string? pinned), $"{project}: {id} is neither listed nor a known dependency");
                Assert.Equal(pinned, version);
            }
        }
        Assert.All(packages.GroupBy(p => p.Id), same => Assert.Single(same.Select(p => p.Version).Distinct()));
    }

    [Theory]
    [InlineData("1.5.200", "1.5.x", true)]
    [InlineData("1.6.0", "1.5.x", false)]
    [InlineData("1.15.0", "1.1.x", false)]
    [InlineData("1.0.43", "1.0.43", true)]
    [InlineData("1.0.44", "1.0.43", false)]
    [InlineData("9.9.9", null, true)]
    public void A_version_matches_its_line_exactly_or_by_its_x_wildcard(string version, string? line, bool expected)
    {
        Assert.Equal(expected, Matches(version, line));
    }

    [Fact]
    public void The_quoted_list_reads_as_thirteen_packages()
    {
        var listed = ParseListed(ListedPackages);

        Assert.Equal(13, listed.Count);
        Assert.Equal("1.5.116", listed["nanoFramework.System.Math"]);
        Assert.Equal("1.5.x", listed["nanoFramework.System.Net.Http.Client"]);
        Assert.Null(listed["nanoFramework.Networking.Sntp"]);
    }

    // "id version, id, id version." -> id -> version line (null: any version).
    private static Dictionary<string, string?> ParseListed(string text) =>
        text.TrimEnd('.').Split(", ")
            .Select(item => item.Split(' '))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : null, StringComparer.Ordinal);

    private static bool Matches(string version, string? line) =>
        line == null || (line.EndsWith(".x", StringComparison.Ordinal)
            ? version.StartsWith(line[..^1], StringComparison.Ordinal)
            : version == line);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
