using System.Xml.Linq;

namespace SecureOta.Tests.Esp32;

/// <summary>One .nfproj of device/Esp32 and its packages.config, read as the nanoFramework toolchain reads them.</summary>
internal sealed class NanoFrameworkProject
{
    private static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    private readonly Dictionary<string, string> _properties;

    private NanoFrameworkProject(string path)
    {
        Path = path;
        Folder = System.IO.Path.GetDirectoryName(path)!;
        var project = XDocument.Load(path);
        Compile = project.Descendants(MsBuild + "Compile")
            .Select(e => (Include: Native((string)e.Attribute("Include")!), Exclude: Native((string?)e.Attribute("Exclude") ?? ""),
                          Link: (string?)e.Attribute("Link")))
            .ToList();
        HintPaths = project.Descendants(MsBuild + "HintPath").Select(e => e.Value).ToList();
        References = project.Descendants(MsBuild + "Reference")
            .Select(e => (Include: (string)e.Attribute("Include")!, HintPath: (string?)e.Element(MsBuild + "HintPath")))
            .ToList();
        _properties = project.Descendants(MsBuild + "PropertyGroup").Elements()
            .Where(e => !e.HasElements && e.Attribute("Condition") == null)
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal);
        ProjectReferences = project.Descendants(MsBuild + "ProjectReference").Select(e => Native((string)e.Attribute("Include")!)).ToList();
        OutputType = project.Descendants(MsBuild + "OutputType").Single().Value;
        var packages = XDocument.Load(System.IO.Path.Combine(Folder, "packages.config"));
        Packages = packages.Descendants("package")
            .Select(e => (Id: (string)e.Attribute("id")!, Version: (string)e.Attribute("version")!))
            .ToList();
    }

    public string Path { get; }

    public string Folder { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public IReadOnlyList<(string Include, string Exclude, string? Link)> Compile { get; }

    public IReadOnlyList<string> HintPaths { get; }

    /// <summary>Assembly references: the assembly name (Include, before any ',') and the HintPath.</summary>
    public IReadOnlyList<(string Include, string? HintPath)> References { get; }

    public IReadOnlyList<string> ProjectReferences { get; }

    public string OutputType { get; }

    public IReadOnlyList<(string Id, string Version)> Packages { get; }

    /// <summary>An unconditional property (LangVersion, AssemblyName, ...), as the last PropertyGroup sets it; null when none does.</summary>
    public string? Property(string name) => _properties.GetValueOrDefault(name);

    public static NanoFrameworkProject Load(string path) => new(System.IO.Path.GetFullPath(path));

    public static IReadOnlyList<NanoFrameworkProject> All() =>
        Directory.EnumerateFiles(PortableCode.Esp32Folder, "*.nfproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(System.IO.Path.DirectorySeparatorChar).Contains("packages"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new NanoFrameworkProject(path))
            .ToList();

    /// <summary>
    /// The files one Compile item names: a plain path, or MSBuild's "dir\**\*.cs" wildcard form with
    /// ';'-separated "dir\**" exclusions, expanded the way MSBuild does for these two shapes.
    /// </summary>
    public IReadOnlyList<string> Expand((string Include, string Exclude, string? Link) item)
    {
        string include = System.IO.Path.Combine(Folder, item.Include);
        if (!include.Contains('*', StringComparison.Ordinal)) return [System.IO.Path.GetFullPath(include)];

        const string Recursive = "**";
        int wildcard = include.IndexOf(Recursive, StringComparison.Ordinal);
        string root = System.IO.Path.GetFullPath(include[..wildcard]);
        string pattern = System.IO.Path.GetFileName(include);
        var excluded = item.Exclude.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, e.Replace(Recursive, "", StringComparison.Ordinal))))
            .ToList();
        return Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(file => !excluded.Any(prefix => file.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
    }

    private static string Native(string msbuildPath) => msbuildPath.Replace('\\', System.IO.Path.DirectorySeparatorChar);
}
