using SecureOta.Build.Approvals;
using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// Approves every release of a test's own releases folder with an approval key, as maintainers do with
/// the Approve target (releases/&lt;version&gt;/approval.json, docs/PROTOCOL.md section 6a), for the product of
/// the newest root in the test's keys folder. Never used on the repository's own releases/.
/// </summary>
internal static class TestApprovals
{
    public static void ApproveAll(string releasesDir, string keysDir, string approvalKeyFile)
    {
        Assert.False(Path.GetFullPath(releasesDir).StartsWith(Path.Combine(RepositoryRoot.FullPath, "releases"), StringComparison.Ordinal),
            "tests approve only their own copies of releases/");
        var product = RootHistory.Load(Path.Combine(keysDir, "root"), p => p).Newest.Product;
        using var approver = Ed25519KeyPair.FromSeed(KeyFile.Read(approvalKeyFile, "test approval key"));
        var releases = ReleaseLoader.Load(releasesDir, Path.GetDirectoryName(releasesDir)!);
        foreach (var release in releases.Releases)
        {
            var digests = new ChainedArtifactWriter().ComputeImageDigests(release.ReadImage());
            var payload = ReleaseApprovalWriter.Write(product, release.Version.ToString(), release.SecurityVersion, digests);
            File.WriteAllBytes(ApprovalFile.PathOf(release), EnvelopeSigner.Sign(PayloadTypes.Approval, payload, approver));
        }
    }
}
