using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// The pinned CA certificates that go into root metadata (<c>tlsAnchors</c>): every <c>*.pem</c> in a
/// folder, default <c>keys/tls-anchors/</c>, in file-name order so the root payload is reproducible.
/// </summary>
public static class TlsAnchorSet
{
    public const string FolderName = "tls-anchors";

    public static IReadOnlyList<string> Load(string folder, Func<string, string> display)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.pem").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            throw new BuildException(BuildErrorCode.MissingKey, $"No pinned CA certificates (*.pem) in {display(folder)}.",
                "Put the PEM root certificates of the CAs that may issue the site's TLS certificate there (more than one provider).");
        }
        return files.Select(File.ReadAllText).ToList();
    }
}
