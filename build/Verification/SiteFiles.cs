namespace SecureOta.Build.Verification;

/// <summary>
/// Read access to the files under a site's <c>ota/v2/</c>, by protocol path (<c>blobs/…</c>), and the
/// record of which files a check has accounted for, so that <see cref="SiteInventory"/> can report
/// every file nothing accounted for. A missing or unreadable file is reported as <see cref="SiteSteps.MissingFile"/>.
/// </summary>
internal sealed class SiteFiles
{
    private readonly string _otaDir;
    private readonly ProblemLog _problems;
    private readonly HashSet<string> _accounted = new(StringComparer.Ordinal);

    public SiteFiles(string siteDir, ProblemLog problems)
    {
        _otaDir = Path.GetFullPath(Path.Combine(siteDir, OtaPaths.OtaBase));
        _problems = problems;
    }

    /// <summary>The absolute <c>ota/v2/</c> folder.</summary>
    public string OtaDir => _otaDir;

    public bool Exists(string otaPath) => File.Exists(FullPath(otaPath));

    /// <summary>Marks a file as accounted for by a check (it is not reported as unlisted).</summary>
    public void Account(string otaPath) => _accounted.Add(otaPath);

    public bool IsAccounted(string otaPath) => _accounted.Contains(otaPath);

    /// <summary>The bytes of <paramref name="otaPath"/>, accounted for; null (and a problem saying <paramref name="whyNeeded"/>) when missing.</summary>
    public byte[]? Read(string otaPath, string whyNeeded)
    {
        Account(otaPath);
        try
        {
            return File.ReadAllBytes(FullPath(otaPath));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _problems.Add(otaPath, SiteSteps.MissingFile, $"missing: {whyNeeded}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _problems.Add(otaPath, SiteSteps.MissingFile, $"cannot be read ({e.Message}): {whyNeeded}.");
        }
        return null;
    }

    /// <summary>Opens <paramref name="otaPath"/> for reading, accounted for; null (and a problem) when missing.</summary>
    public FileStream? Open(string otaPath, string whyNeeded)
    {
        Account(otaPath);
        try
        {
            return new FileStream(FullPath(otaPath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _problems.Add(otaPath, SiteSteps.MissingFile, $"missing: {whyNeeded}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _problems.Add(otaPath, SiteSteps.MissingFile, $"cannot be read ({e.Message}): {whyNeeded}.");
        }
        return null;
    }

    /// <summary>Names of the regular files directly inside <paramref name="otaFolder"/> (e.g. <c>channels/</c>), in ordinal order.</summary>
    public IReadOnlyList<string> FileNamesIn(string otaFolder)
    {
        var folder = FullPath(otaFolder);
        if (!Directory.Exists(folder)) return [];
        return new DirectoryInfo(folder)
            .EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false })
            .Where(f => f.LinkTarget is null)
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every file and symbolic link under <c>ota/v2/</c> as protocol paths, hidden ones included.
    /// Symbolic links (files or folders) are listed, never followed: <paramref name="links"/> gets them.
    /// </summary>
    public IReadOnlyList<string> AllFiles(List<string> links)
    {
        var files = new List<string>();
        if (Directory.Exists(_otaDir)) Collect(new DirectoryInfo(_otaDir), "", files, links);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Collect(DirectoryInfo folder, string prefix, List<string> files, List<string> links)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false };
        foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
        {
            var path = prefix + entry.Name;
            if (entry.LinkTarget is not null) links.Add(path);
            else if (entry is DirectoryInfo directory) Collect(directory, path + "/", files, links);
            else files.Add(path);
        }
    }

    // Protocol paths come from verified documents whose form the device core checked (blobs/<hex>,
    // keys/<semver>/<hex>); this guard keeps a defect from ever reading outside ota/v2/.
    private string FullPath(string otaPath)
    {
        var full = Path.GetFullPath(Path.Combine(_otaDir, otaPath));
        if (!full.StartsWith(_otaDir, StringComparison.Ordinal))
            throw new ArgumentException($"'{otaPath}' leaves the OTA folder", nameof(otaPath));
        return full;
    }
}
