namespace SecureOta.Build.Site;

/// <summary>One file of the generated site: its path relative to the site folder (forward slashes) and its bytes.</summary>
public sealed record SiteFile
{
    public SiteFile(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(bytes);
        // Paths are built from validated channel names, SemVer versions and hex digests; a segment that
        // could climb out of the site folder here would be a defect in the layout, never an input.
        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.Contains('\\') || s.Contains('\0')))
        {
            throw new ArgumentException($"'{path}' is not a plain relative site path.", nameof(path));
        }

        Path = path;
        Bytes = bytes;
    }

    /// <summary>Relative to the site folder, e.g. <c>ota/v2/root.json</c>.</summary>
    public string Path { get; }

    public byte[] Bytes { get; }
}
