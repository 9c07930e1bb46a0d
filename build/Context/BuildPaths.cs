using SecureOta.Build.Frosting;

namespace SecureOta.Build.Context;

/// <summary>
/// Where the build reads and writes. Defaults are under the repository root; each folder can be
/// moved with an argument (relative to the working directory), which tests and CI use to keep
/// output out of the working tree.
/// </summary>
public sealed class BuildPaths
{
    private BuildPaths(string rootDir, string releasesDir, string keysDir, string siteDir, string demoKeysDir)
    {
        RootDir = rootDir;
        ReleasesDir = releasesDir;
        KeysDir = keysDir;
        SiteDir = siteDir;
        DemoKeysDir = demoKeysDir;
    }

    /// <summary>The repository root (holds SecureOta.slnx, or given by <c>--root</c>).</summary>
    public string RootDir { get; }

    /// <summary><c>releases/</c>, or <c>--releases-dir</c>: the maintainers' release inputs.</summary>
    public string ReleasesDir { get; }

    /// <summary><c>keys/</c>, or <c>--keys-dir</c>: public key material only.</summary>
    public string KeysDir { get; }

    /// <summary><c>site/</c>, or <c>--site-dir</c>: the generated static site.</summary>
    public string SiteDir { get; }

    /// <summary><c>.demo-keys/</c>, or <c>--demo-keys-dir</c>: git-ignored demo secrets made on demand.</summary>
    public string DemoKeysDir { get; }

    /// <summary>
    /// <c>samples/releases/</c>: the demo's synthetic releases (GenerateSamples). Kept out of releases/ so a
    /// real release build can never pick them up; a DEMO build uses them when releases/ holds no release.
    /// </summary>
    public string SamplesDir => Path.Combine(RootDir, "samples", "releases");

    /// <summary>Name prefix of the staging folders a site is written into before it replaces <see cref="SiteDir"/>.</summary>
    public string SiteStagingPrefix => Path.GetFileName(SiteDir) + ".tmp-";

    /// <summary>Paths under the default layout of <paramref name="rootDir"/>.</summary>
    public static BuildPaths ForRoot(string rootDir)
    {
        var root = Path.GetFullPath(rootDir);
        return new BuildPaths(
            root,
            Path.Combine(root, "releases"),
            Path.Combine(root, "keys"),
            Path.Combine(root, "site"),
            Path.Combine(root, ".demo-keys"));
    }

    internal static BuildPaths Resolve(BuildArguments arguments, BuildEnvironment environment)
    {
        var defaults = ForRoot(RepositoryLocator.FindRoot(arguments, environment));
        string Override(string name, string fallback)
        {
            var value = arguments.GetArgument(name);
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name} is empty.", $"Give --{name} a folder path or leave it out.");
            }

            return value is null ? fallback : Path.GetFullPath(value, environment.WorkingDirectory);
        }

        var paths = new BuildPaths(
            defaults.RootDir,
            Override("releases-dir", defaults.ReleasesDir),
            Override("keys-dir", defaults.KeysDir),
            Override("site-dir", defaults.SiteDir),
            Override("demo-keys-dir", defaults.DemoKeysDir));
        paths.CheckSiteIsSeparate();
        return paths;
    }

    /// <summary>A fresh staging folder path next to <see cref="SiteDir"/> (same file system, so it can be renamed into place).</summary>
    public string NewSiteStagingDir() =>
        Path.Combine(Path.GetDirectoryName(SiteDir)!, SiteStagingPrefix + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Staging folders left behind by builds that did not finish.</summary>
    public IReadOnlyList<string> FindSiteStagingDirs()
    {
        var parent = Path.GetDirectoryName(SiteDir)!;
        return Directory.Exists(parent)
            ? Directory.GetDirectories(parent, SiteStagingPrefix + "*").Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary><paramref name="path"/> relative to the root with forward slashes, for messages; absolute if outside.</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(RootDir, path);
        return IsOutside(relative) ? path : relative.Replace('\\', '/');
    }

    private void CheckSiteIsSeparate()
    {
        var overlap = FindSiteOverlap();
        if (overlap is not null)
        {
            throw new BuildException(
                BuildErrorCode.InvalidArgument,
                $"The site folder '{SiteDir}' overlaps {overlap}.",
                "Point --site-dir at a folder of its own; the build deletes and rewrites it.");
        }
    }

    private string? FindSiteOverlap()
    {
        // The site folder is deleted and replaced wholesale, so it must never hold an input or the
        // repository, nor sit inside an input folder.
        if (IsSameOrInside(RootDir, SiteDir))
        {
            return $"the repository root '{RootDir}'";
        }

        foreach (var (name, folder) in new[] { ("releases", ReleasesDir), ("keys", KeysDir), ("demo keys", DemoKeysDir) })
        {
            if (IsSameOrInside(folder, SiteDir) || IsSameOrInside(SiteDir, folder))
            {
                return $"the {name} folder '{folder}'";
            }
        }

        return null;
    }

    private static bool IsSameOrInside(string path, string folder) => !IsOutside(Path.GetRelativePath(folder, path));

    private static bool IsOutside(string relative) =>
        relative == ".."
        || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || Path.IsPathRooted(relative);
}
