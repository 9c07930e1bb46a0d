using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.Vectors;

/// <summary>
/// Negative vectors of docs/PROTOCOL.md section 12: documents a lenient implementation accepts and a
/// conforming device must refuse, each with the step and error it must refuse them at
/// (<c>expect (text)</c>: "&lt;step&gt; &lt;error&gt;"). The tests run each through the device core.
/// </summary>
internal static class NegativeVectors
{
    /// <summary>The Ed25519 identity point (y = 1), a public key of small order.</summary>
    private static readonly byte[] IdentityPoint = [1, .. new byte[31]];

    /// <summary>The encoding of the base point B (y = 4/5), the R of the forged signature.</summary>
    private static readonly byte[] BasePoint = [0x58, .. Enumerable.Repeat((byte)0x66, 31)];

    public static IEnumerable<ProtocolVector> Generate(Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor)
    {
        yield return IdentityKey(root, approval, anchor);
        yield return NonZeroPaddingBits(release);
        yield return DuplicateKeyId(root, approval, release, anchor);
        yield return SharedRoleKey(root, approval, release, anchor);
    }

    /// <summary>
    /// A root whose release role is the identity point, and a manifest "signed" by it with R = B, S = 1:
    /// [S]B = R + [k]A holds for every message, so a cofactorless verifier that does not refuse small-order
    /// keys (OpenSSL, Python's cryptography) accepts it. A strict verifier (section 2) refuses at C4.
    /// </summary>
    private static ProtocolVector IdentityKey(Ed25519KeyPair root, Ed25519KeyPair approval, string anchor)
    {
        var metadata = new RootMetadata(1, ProtocolVectorGenerator.RootExpires, ProtocolVectorGenerator.Product,
            [root.PublicKey, approval.PublicKey, IdentityPoint],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]), new RoleDefinition(1, [KeyId.Of(approval.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(IdentityPoint)]), [anchor]);
        var rootEnvelope = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(metadata), root);
        var payload = Encoding.UTF8.GetBytes("{\"type\":\"secureota/channel\"}");
        byte[] signature = [.. BasePoint, 1, .. new byte[31]];
        var manifest = Envelope(PayloadTypes.Channel, Convert.ToBase64String(payload), KeyId.Of(IdentityPoint), signature);
        return new("negative-identity-key", "Negative: a release key that is the identity point, with the signature R = B, S = 1 (section 2)",
            ProtocolVectorGenerator.Lines(
                ("public key", ProtocolVectorGenerator.Hex(IdentityPoint)),
                ("signature", ProtocolVectorGenerator.Hex(signature)),
                ("root (text)", Encoding.UTF8.GetString(rootEnvelope)),
                ("manifest (text)", manifest),
                ("expect (text)", "C4 SignatureThreshold")));
    }

    /// <summary>
    /// A channel envelope whose payload's base64 has non-zero padding bits ("fR==" where "fQ==" is
    /// canonical): lenient decoders read the same bytes, so one payload would have two spellings. Refused at C2.
    /// </summary>
    private static ProtocolVector NonZeroPaddingBits(Ed25519KeyPair release)
    {
        var payload = Encoding.UTF8.GetBytes("{\"a\":1}");
        var canonical = Convert.ToBase64String(payload);
        var spelled = canonical[..^3] + "R==";
        var signature = release.Sign(Device.Core.Envelopes.Pae.Encode(PayloadTypes.Channel, payload));
        return new("negative-base64-padding", "Negative: payload base64 with non-zero padding bits (section 4)", ProtocolVectorGenerator.Lines(
            ("canonical payload (text)", canonical),
            ("envelope (text)", Envelope(PayloadTypes.Channel, spelled, KeyId.Of(release.PublicKey), signature)),
            ("expect (text)", "C2 Malformed")));
    }

    /// <summary>A root listing one key twice under the same id (a parser keeping the last would see other keys). Refused at R5.</summary>
    private static ProtocolVector DuplicateKeyId(Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor)
    {
        var payload = Mutated(root, approval, release, anchor, json =>
        {
            var keys = json["keys"]!.AsArray();
            keys.Add(keys[0]!.DeepClone());
        });
        return RootVector("negative-duplicate-key-id", "Negative: root metadata listing a key id twice (section 5)", root, payload, "R5 Malformed");
    }

    /// <summary>A root whose release role also lists the approval key: the CI key would approve releases. Refused at R5.</summary>
    private static ProtocolVector SharedRoleKey(Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor)
    {
        var payload = Mutated(root, approval, release, anchor, json =>
            json["roles"]!["release"]!["keyIds"]!.AsArray().Add(KeyId.Of(approval.PublicKey)));
        return RootVector("negative-shared-role-key", "Negative: root metadata whose approval and release roles share a key (section 5)", root, payload,
            "R5 RoleKeyShared");
    }

    private static byte[] Mutated(Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(RootMetadataWriter.Write(ProtocolVectorGenerator.RootMetadataOf(root, approval, release, anchor)))!;
        change(json);
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static ProtocolVector RootVector(string name, string title, Ed25519KeyPair root, byte[] payload, string expect)
    {
        var signature = root.Sign(Device.Core.Envelopes.Pae.Encode(PayloadTypes.Root, payload));
        return new(name, title, ProtocolVectorGenerator.Lines(
            ("envelope (text)", Envelope(PayloadTypes.Root, Convert.ToBase64String(payload), KeyId.Of(root.PublicKey), signature)),
            ("expect (text)", expect)));
    }

    private static string Envelope(string payloadType, string payloadBase64, string keyId, byte[] signature) =>
        $"{{\"payloadType\":\"{payloadType}\",\"payload\":\"{payloadBase64}\",\"signatures\":[{{\"keyid\":\"{keyId}\",\"sig\":\"{Convert.ToBase64String(signature)}\"}}]}}";
}
