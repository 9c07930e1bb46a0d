using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace SecureOta.Tests.Device.Support;

/// <summary>
/// Payloads of docs/PROTOCOL.md sections 5 and 6 as mutable JSON trees: a test builds a valid one,
/// changes the member under attack, then signs it with <see cref="TestEnvelope"/>.
/// </summary>
public static class TestDocuments
{
    /// <summary>PEM framing only: the device checks the form, its TLS stack parses the contents.</summary>
    public const string Certificate = "-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----\n";

    /// <summary>The product id of test roots, manifests and approvals.</summary>
    public const string Product = "test-product";

    /// <summary>The approval key of roots built without naming one (tests that do not check approvals).</summary>
    public static TestSigner DefaultApprover { get; } = new();

    /// <summary>Stand-in approval bytes for manifests whose approval a test does not verify (C1-C10 only decode it).</summary>
    public static readonly string PlaceholderApproval = Convert.ToBase64String("{}"u8.ToArray());

    /// <summary>A real self-signed root CA certificate, for writers that parse anchors.</summary>
    public static string RootCaPem()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SecureOta Device Test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(70));
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>A root payload listing every key of the three roles once (the approval role: <paramref name="approvalKeys"/>, threshold 1).</summary>
    public static JsonObject Root(long version, long expires, TestSigner[] rootKeys, int rootThreshold, TestSigner[] releaseKeys, int releaseThreshold,
        TestSigner[]? approvalKeys = null)
    {
        approvalKeys ??= [DefaultApprover];
        var keys = new JsonArray();
        foreach (TestSigner key in rootKeys.Concat(approvalKeys).Concat(releaseKeys).DistinctBy(k => k.KeyId))
            keys.Add(new JsonObject { ["id"] = key.KeyId, ["scheme"] = "ed25519", ["public"] = Convert.ToHexStringLower(key.PublicKey) });
        return new JsonObject
        {
            ["type"] = "secureota/root",
            ["spec"] = 2,
            ["product"] = Product,
            ["version"] = version,
            ["expires"] = expires,
            ["keys"] = keys,
            ["roles"] = new JsonObject
            {
                ["root"] = Role(rootThreshold, rootKeys),
                ["approval"] = Role(1, approvalKeys),
                ["release"] = Role(releaseThreshold, releaseKeys),
            },
            ["tlsAnchors"] = new JsonArray(Certificate),
        };
    }

    public static JsonObject Role(int threshold, TestSigner[] keys) => new()
    {
        ["threshold"] = threshold,
        ["keyIds"] = new JsonArray(keys.Select(k => (JsonNode)JsonValue.Create(k.KeyId)).ToArray()),
    };

    /// <summary>A channel manifest for the artifact, valid for channel "stable" from issued to expires.</summary>
    public static JsonObject Channel(TestArtifact artifact, long sequence, long issued, long expires, long securityVersion = 2, string version = "1.2.0")
    {
        string sha256 = Convert.ToHexStringLower(artifact.Sha256);
        return new JsonObject
        {
            ["type"] = "secureota/channel",
            ["spec"] = 2,
            ["product"] = Product,
            ["channel"] = "stable",
            ["sequence"] = sequence,
            ["issued"] = issued,
            ["expires"] = expires,
            ["release"] = new JsonObject
            {
                ["version"] = version,
                ["securityVersion"] = securityVersion,
                ["imageSize"] = artifact.Plain.Length,
                ["imageDigest"] = Convert.ToHexStringLower(artifact.ImageDigest),
                ["imageSha256"] = Convert.ToHexStringLower(SHA256.HashData(artifact.Plain)),
                ["keyCheck"] = Convert.ToHexStringLower(artifact.KeyCheck),
                ["keys"] = "keys/" + version + "/",
                ["approval"] = PlaceholderApproval,
                ["artifacts"] = new JsonArray(new JsonObject
                {
                    ["kind"] = "full",
                    ["path"] = "blobs/" + sha256,
                    ["size"] = artifact.Bytes.Length,
                    ["sha256"] = sha256,
                    ["head"] = Convert.ToHexStringLower(artifact.Head),
                    ["iv"] = Convert.ToHexStringLower(artifact.Iv),
                    ["plainSize"] = artifact.Plain.Length,
                }),
            },
            ["rollout"] = new JsonObject { ["percent"] = 100, ["salt"] = "00112233445566778899aabbccddeeff" },
        };
    }
}
