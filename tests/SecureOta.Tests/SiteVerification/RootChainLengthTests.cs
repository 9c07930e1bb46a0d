using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Build.Verification;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.SiteVerification;

/// <summary>
/// A root chain longer than one update may walk (32 new versions): a device provisioned with version 1
/// catches up over two updates, and checks expiry (R8) at the end of each, so the verifier does too.
/// </summary>
public sealed class RootChainLengthTests : IDisposable
{
    private const long Now = 1_800_000_000;
    private const int Versions = 34;
    private readonly TempDirectory _temp = new();
    private readonly Ed25519KeyPair _rootKey = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _releaseKey = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _approvalKey = Ed25519KeyPair.Generate();
    private readonly string _anchor = TestDocuments.RootCaPem();

    public void Dispose()
    {
        _rootKey.Dispose();
        _releaseKey.Dispose();
        _approvalKey.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Chain_of_34_versions_is_walked_in_two_updates_to_the_newest()
    {
        var report = Verify(WriteChain(expiredVersion: null));

        SiteAssert.Verified(report);
        Assert.Equal(Versions, report.RootVersion);
        Assert.Equal(Versions, report.PublishedRootVersions);
    }

    [Fact]
    public void Rejects_chain_whose_root_at_the_end_of_the_first_update_has_expired()
    {
        // The first update accepts versions 2 to 33 and ends on 33: a device checks 33's expiry there
        // and never reaches 34, so a newer unexpired root does not rescue it.
        var report = Verify(WriteChain(expiredVersion: 33));

        SiteAssert.HasProblem(report, "roots/33.json", "R8");
        Assert.Equal(33, report.RootVersion);
    }

    private SiteVerificationReport Verify(byte[] provisioned) => SiteVerifier.Verify(new SiteVerifierInputs
    {
        SiteDir = _temp.Combine("site"),
        ProvisionedRoot = provisioned,
        Now = DateTimeOffset.FromUnixTimeSeconds(Now),
    });

    /// <summary>Writes roots/1.json to roots/34.json and root.json; returns version 1.</summary>
    private byte[] WriteChain(int? expiredVersion)
    {
        var folder = _temp.Combine("site", "ota", "v2", "roots");
        Directory.CreateDirectory(folder);
        byte[] first = [];
        for (int version = 1; version <= Versions; version++)
        {
            long expires = version == expiredVersion ? Now - 1 : Now + 86400;
            var metadata = new RootMetadata(version, expires, "chain-test", [_rootKey.PublicKey, _approvalKey.PublicKey, _releaseKey.PublicKey],
                new RoleDefinition(1, [KeyId.Of(_rootKey.PublicKey)]), new RoleDefinition(1, [KeyId.Of(_approvalKey.PublicKey)]),
                new RoleDefinition(1, [KeyId.Of(_releaseKey.PublicKey)]), [_anchor]);
            var envelope = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(metadata), _rootKey);
            File.WriteAllBytes(Path.Combine(folder, $"{version}.json"), envelope);
            if (version == 1) first = envelope;
            if (version == Versions) File.WriteAllBytes(_temp.Combine("site", "ota", "v2", "root.json"), envelope);
        }
        return first;
    }
}
