using SecureOta.Build.Context;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Site;

/// <summary>
/// Replaces the site folder in one step. The complete site is written into a fresh staging folder
/// next to it; only then is the old site renamed aside, the staging folder renamed into its place and
/// the old one deleted. On any failure the staging folder is deleted and the old site is left exactly
/// as it was, so a failed build never publishes half a site (a device could otherwise read a manifest
/// whose blobs are missing).
/// </summary>
public sealed class SitePublisher
{
    private readonly BuildPaths _paths;
    private readonly Action<string, byte[]> _writeFile;
    private readonly BuildLog _log;

    /// <param name="paths">Where the site lives.</param>
    /// <param name="writeFile">Writes one file (full path, bytes); <see cref="File.WriteAllBytes(string, byte[])"/> outside tests.</param>
    /// <param name="log">For the warning when the old site cannot be deleted afterwards.</param>
    public SitePublisher(BuildPaths paths, Action<string, byte[]> writeFile, BuildLog log)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(writeFile);
        ArgumentNullException.ThrowIfNull(log);
        _paths = paths;
        _writeFile = writeFile;
        _log = log;
    }

    public void Publish(IReadOnlyList<SiteFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var site = _paths.SiteDir;
        if (File.Exists(site))
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"{_paths.Display(site)} is a file, not a folder.",
                "Move the file away or point --site-dir at a folder; the build replaces the site folder as a whole.");
        }

        var staging = _paths.NewSiteStagingDir();
        try
        {
            WriteAll(staging, files);
            SwapIntoPlace(staging, site);
        }
        catch (Exception exception)
        {
            DeleteStaging(staging);
            if (exception is IOException or UnauthorizedAccessException)
            {
                throw new BuildException(BuildErrorCode.FileSystem,
                    $"Could not write the site: {exception.Message} {_paths.Display(site)} was left as it was.",
                    "Check free disk space and permissions of the site folder's parent, then run the build again.", exception);
            }

            throw;
        }
    }

    private void WriteAll(string staging, IReadOnlyList<SiteFile> files)
    {
        Directory.CreateDirectory(staging);
        foreach (var file in files)
        {
            var path = Path.Combine([staging, .. file.Path.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _writeFile(path, file.Bytes);
        }
    }

    /// <summary>
    /// Two renames within one parent folder. Between them there is briefly no site folder (a local
    /// preview may see a 404), never a mixed one; if the second rename fails the first is undone.
    /// </summary>
    private void SwapIntoPlace(string staging, string site)
    {
        string? previous = null;
        if (Directory.Exists(site))
        {
            previous = Path.Combine(Path.GetDirectoryName(site)!, Path.GetFileName(site) + ".old-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.Move(site, previous);
        }

        try
        {
            Directory.Move(staging, site);
        }
        catch
        {
            if (previous is not null)
            {
                Directory.Move(previous, site);
            }

            throw;
        }

        if (previous is not null)
        {
            try
            {
                Directory.Delete(previous, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _log.Warning("The new site is in place, but the previous one could not be deleted from {0}: {1}", _paths.Display(previous), exception.Message);
            }
        }
    }

    private void DeleteStaging(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more; Clean removes what is left.
            _log.Warning("Could not delete the staging folder {0}: {1} (./build.sh --target=Clean removes it).", _paths.Display(staging), exception.Message);
        }
    }
}
