namespace SecureOta.Build.Publishing;

/// <summary>
/// The manifest's <c>release</c> (docs/PROTOCOL.md section 6). The <c>keys</c> member is derived from
/// <see cref="Version"/> by the writer (<c>keys/&lt;version&gt;/</c>), as the spec requires.
/// </summary>
/// <param name="Version">SemVer 2.0, at most 64 characters; informational.</param>
/// <param name="SecurityVersion">0 to 4294967295; devices refuse a lower one than they run.</param>
/// <param name="ImageSize">Plain image length, 1 to 16 MiB.</param>
/// <param name="ImageDigest">imageDigest of section 2.1, 32 bytes.</param>
/// <param name="ImageSha256">SHA-256 of the plain image, 32 bytes.</param>
/// <param name="KeyCheck">16 bytes (<see cref="WrappedKeyWriter.KeyCheck"/>).</param>
/// <param name="Artifacts">1 to 8 artifacts, exactly one of kind <c>full</c>.</param>
/// <param name="Approval">The release's approval envelope (section 6a), at most 4096 bytes, embedded as base64.</param>
public sealed record ReleaseEntry(
    string Version,
    long SecurityVersion,
    int ImageSize,
    byte[] ImageDigest,
    byte[] ImageSha256,
    byte[] KeyCheck,
    IReadOnlyList<ArtifactEntry> Artifacts,
    byte[] Approval);
