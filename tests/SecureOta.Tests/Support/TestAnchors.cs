using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Support;

/// <summary>
/// Pinned CA certificates for test keys folders: a copy shipped under tests/TestData/tls-anchors (the
/// public roots GitHub Pages has used), never the repository's keys/tls-anchors, which a maintainer
/// changes with ChangePinnedCAs.
/// </summary>
internal static class TestAnchors
{
    public static string Folder => Path.Combine(RepositoryRoot.FullPath, "tests", "SecureOta.Tests", "TestData", "tls-anchors");

    /// <summary>Copies the test anchors into <paramref name="keysDir"/>/tls-anchors.</summary>
    public static void CopyInto(string keysDir) => SiteSnapshot.Copy(Folder, Path.Combine(keysDir, "tls-anchors"));
}
