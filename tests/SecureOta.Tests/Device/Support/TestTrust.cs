using System.Text.Json.Nodes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Tests.Device.Support;

/// <summary>
/// A provisioned trust setup for tests: three root keys (threshold 2), two release keys
/// (threshold 1), root version 1 expiring at <see cref="RootExpires"/>, loaded as the device would.
/// </summary>
public sealed class TestTrust : IDisposable
{
    public const long RootExpires = 1_900_000_000;

    public TestTrust()
    {
        RootV1 = TestEnvelope.Sign(TestEnvelope.RootType, RootPayload(1), RootKeys);
        Assert.True(RootVerifier.TryLoadTrusted(RootV1, out TrustedRoot root, out VerificationFailure failure), failure?.ToString());
        Root = root;
    }

    public TestSigner[] RootKeys { get; } = TestSigner.Many(3);

    public TestSigner[] ReleaseKeys { get; } = TestSigner.Many(2);

    /// <summary>The approval role's one key (threshold 1).</summary>
    public TestSigner[] ApprovalKeys { get; } = TestSigner.Many(1);

    public byte[] RootV1 { get; }

    public TrustedRoot Root { get; }

    /// <summary>A root payload of this version with this setup's keys (threshold 2 of 3 root, 1 of 2 release).</summary>
    public JsonObject RootPayload(long version, long expires = RootExpires) =>
        TestDocuments.Root(version, expires, RootKeys, 2, ReleaseKeys, 1, ApprovalKeys);

    /// <summary>A manifest envelope signed by the first release key unless signers are given.</summary>
    public byte[] SignManifest(JsonObject payload, params TestSigner[] signers) =>
        TestEnvelope.Sign(TestEnvelope.ChannelType, payload, signers.Length == 0 ? [ReleaseKeys[0]] : signers);

    /// <summary>
    /// Replaces the manifest payload's release.approval with an approval of exactly its release (product,
    /// version, security version, image size and digests), signed by <paramref name="approvers"/> (the approval key unless given).
    /// </summary>
    public JsonObject Approve(JsonObject payload, params TestSigner[] approvers)
    {
        var release = payload["release"]!.AsObject();
        var approval = new JsonObject
        {
            ["type"] = "secureota/approval",
            ["spec"] = 2,
            ["product"] = payload["product"]!.GetValue<string>(),
            ["version"] = release["version"]!.GetValue<string>(),
            ["securityVersion"] = release["securityVersion"]!.GetValue<long>(),
            ["imageSize"] = release["imageSize"]!.GetValue<long>(),
            ["imageDigest"] = release["imageDigest"]!.GetValue<string>(),
            ["imageSha256"] = release["imageSha256"]!.GetValue<string>(),
        };
        release["approval"] = Convert.ToBase64String(TestEnvelope.Sign(TestEnvelope.ApprovalType, approval, approvers.Length == 0 ? ApprovalKeys : approvers));
        return payload;
    }

    public void Dispose()
    {
        foreach (TestSigner key in RootKeys.Concat(ReleaseKeys).Concat(ApprovalKeys)) key.Dispose();
    }
}
