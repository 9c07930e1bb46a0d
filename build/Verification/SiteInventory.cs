using System.Security.Cryptography;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.Verification;

/// <summary>
/// Step 4 of <see cref="SiteVerifier"/>: every file under <c>ota/v2/</c> that no earlier check
/// accounted for must be an older release's blob or wrapped key, and is checked as far as it can be
/// without a manifest (<see cref="WrappedKeyCheck.CheckOlder"/>); anything
/// else is reported as unlisted (S5). The rule is written out on <see cref="SiteVerifier"/>.
/// </summary>
internal static class SiteInventory
{
    /// <summary>How many older releases' files were allowed after their form check.</summary>
    public sealed record Outcome(int FilesChecked, int OlderBlobs, int OlderKeyFiles);

    public static Outcome Run(SiteFiles files, ProblemLog problems, WrappedKeyCheck keys)
    {
        var links = new List<string>();
        var all = files.AllFiles(links);
        foreach (var link in links)
        {
            problems.Add(link, SiteSteps.UnlistedFile, "is a symbolic link; the site holds regular files only (Pages would not serve the target).");
        }

        int olderBlobs = 0, olderKeys = 0;
        foreach (var path in all.Where(p => !files.IsAccounted(p)))
        {
            var parts = path.Split('/');
            if (IsOlderBlob(parts))
            {
                CheckBlobName(files, problems, path, parts[1]);
                olderBlobs++;
            }
            else if (IsOlderKeyFile(parts))
            {
                if (files.Read(path, "it is a wrapped key file") is { } bytes) keys.CheckOlder(path, parts[1], parts[2], bytes);
                olderKeys++;
            }
            else
            {
                problems.Add(path, SiteSteps.UnlistedFile, Explain(parts));
            }
        }
        return new Outcome(all.Count + links.Count, olderBlobs, olderKeys);
    }

    // blobs/<64 hex>
    private static bool IsOlderBlob(string[] parts) =>
        parts.Length == 2 && parts[0] + "/" == OtaPaths.BlobsFolder && OtaPaths.IsDigestName(parts[1]);

    // keys/<release version>/<64 hex>
    private static bool IsOlderKeyFile(string[] parts) =>
        parts.Length == 3 && parts[0] + "/" == OtaPaths.KeysFolder && ProtocolNames.IsReleaseVersion(parts[1]) && OtaPaths.IsDigestName(parts[2]);

    private static void CheckBlobName(SiteFiles files, ProblemLog problems, string path, string name)
    {
        using var stream = files.Open(path, "it is a blob");
        if (stream is null) return;
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual != name)
        {
            problems.Add(path, SiteSteps.BlobName, $"its SHA-256 is {actual}, not its name; the blob was altered after it was written.");
        }
    }

    private static string Explain(string[] parts) => parts[0] switch
    {
        "roots" => "not part of the root chain: roots/ holds 1.json, 2.json, ... without gaps and nothing else.",
        "channels" => "not a channel manifest: channels/ holds <channel>.json files only.",
        "blobs" => "not a blob: blobs/ holds files named by their SHA-256 (64 lowercase hex) only.",
        "keys" => "not a wrapped key file: keys/ holds <release version>/<recipient id> files only.",
        _ => "no signed document names this file and the layout has no place for it (PROTOCOL.md section 1); remove it.",
    };
}
