using SecureOta.Build.Crypto;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Signs a payload into a DSSE envelope (docs/PROTOCOL.md section 4): compact JSON with the members
/// payloadType, payload, signatures in that order, signatures sorted by key id, each an Ed25519
/// signature over PAE(payloadType, payload). Ed25519 is deterministic, so the envelope is too.
/// </summary>
public static class EnvelopeSigner
{
    /// <summary>
    /// The envelope bytes. Throws <see cref="ProtocolLimitException"/> when more than 16 keys are given,
    /// when a key is given twice, or when a root or channel envelope would exceed its size limit.
    /// </summary>
    public static byte[] Sign(string payloadType, byte[] payload, params IReadOnlyList<Ed25519KeyPair> signers) =>
        Sign(payloadType, payload, signers, new Dictionary<string, byte[]>());

    /// <summary>
    /// The same, keeping the signatures of <paramref name="kept"/> (key id to signature over the same
    /// payload), as approvals collect one maintainer's signature at a time. A signer replaces a kept
    /// signature of its own key id.
    /// </summary>
    public static byte[] Sign(string payloadType, byte[] payload, IReadOnlyList<Ed25519KeyPair> signers, IReadOnlyDictionary<string, byte[]> kept)
    {
        ArgumentException.ThrowIfNullOrEmpty(payloadType);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(signers);
        ArgumentNullException.ThrowIfNull(kept);
        if (signers.Count == 0) throw new ArgumentException("at least one signing key is needed", nameof(signers));

        byte[] pae = Pae.Encode(payloadType, payload);
        var signatures = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var signed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Ed25519KeyPair signer in signers)
        {
            ArgumentNullException.ThrowIfNull(signer, nameof(signers));
            string keyId = KeyId.Of(signer.PublicKey);
            if (!signed.Add(keyId))
                throw new ProtocolLimitException("signatures", $"key {keyId} is given twice; a key id counts once");
            signatures[keyId] = signer.Sign(pae);
        }
        foreach (var (keyId, signature) in kept)
        {
            signatures.TryAdd(keyId, signature);
        }
        if (signatures.Count > ProtocolLimits.MaxSignatures)
            throw new ProtocolLimitException("signatures", $"{signatures.Count} signatures; an envelope carries at most {ProtocolLimits.MaxSignatures}");

        byte[] envelope = CompactJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("payloadType", payloadType);
            writer.WriteBase64String("payload", payload);
            writer.WriteStartArray("signatures");
            foreach (KeyValuePair<string, byte[]> signature in signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyid", signature.Key);
                writer.WriteBase64String("sig", signature.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

        CheckEnvelopeSize(payloadType, envelope.Length);
        return envelope;
    }

    /// <summary>Root and channel envelopes have size caps (section 11); other types are not the protocol's.</summary>
    private static void CheckEnvelopeSize(string payloadType, int size)
    {
        int limit = payloadType switch
        {
            PayloadTypes.Root => ProtocolLimits.MaxRootEnvelopeSize,
            PayloadTypes.Channel => ProtocolLimits.MaxChannelEnvelopeSize,
            PayloadTypes.Approval => ProtocolLimits.MaxApprovalEnvelopeSize,
            _ => int.MaxValue,
        };
        if (size > limit)
            throw new ProtocolLimitException("envelope", $"{size} bytes; a {payloadType} envelope is at most {limit} bytes");
    }
}
