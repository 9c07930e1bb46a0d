using System.Text;
using System.Text.Json.Nodes;

namespace SecureOta.Tests.Device.Support;

/// <summary>
/// Builds DSSE envelopes for tests, with its own PAE (independent of the device core's) so a PAE bug
/// in the core cannot hide behind the same bug here. Signatures can be listed freely, so tests can
/// craft duplicates, foreign keys and forged signatures.
/// </summary>
public static class TestEnvelope
{
    public const string RootType = "application/vnd.secureota.root+json";
    public const string ChannelType = "application/vnd.secureota.channel+json";
    public const string ApprovalType = "application/vnd.secureota.approval+json";

    public static byte[] Pae(string payloadType, byte[] payload)
    {
        byte[] type = Encoding.UTF8.GetBytes(payloadType);
        return [.. Encoding.ASCII.GetBytes($"DSSEv1 {type.Length} "), .. type, .. Encoding.ASCII.GetBytes($" {payload.Length} "), .. payload];
    }

    /// <summary>An envelope signed by each signer once, in order.</summary>
    public static byte[] Sign(string payloadType, byte[] payload, params TestSigner[] signers)
    {
        byte[] pae = Pae(payloadType, payload);
        return Build(payloadType, payload, signers.Select(s => (s.KeyId, s.Sign(pae))).ToArray());
    }

    public static byte[] Sign(string payloadType, JsonNode payload, params TestSigner[] signers) =>
        Sign(payloadType, Encoding.UTF8.GetBytes(payload.ToJsonString()), signers);

    /// <summary>An envelope with exactly these (keyid, signature) entries.</summary>
    public static byte[] Build(string payloadType, byte[] payload, (string KeyId, byte[] Signature)[] signatures)
    {
        var signatureArray = new JsonArray();
        foreach (var (keyId, signature) in signatures)
            signatureArray.Add(new JsonObject { ["keyid"] = keyId, ["sig"] = Convert.ToBase64String(signature) });
        var envelope = new JsonObject
        {
            ["payloadType"] = payloadType,
            ["payload"] = Convert.ToBase64String(payload),
            ["signatures"] = signatureArray,
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}
