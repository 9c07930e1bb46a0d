namespace SecureOta.Build.Releases;

/// <summary>
/// What could be read from one release folder, field by field (null where a field was invalid), so
/// the checks across releases can still run on the parts that are valid.
/// </summary>
internal sealed record ReleaseDraft(
    string Directory,
    string ReleaseFile,
    SemVersion? Version,
    uint? SecurityVersion,
    IReadOnlyList<string>? Channels,
    string? Notes,
    (string FileName, long Length)? Image);
