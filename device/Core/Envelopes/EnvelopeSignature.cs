namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>One signature of a DSSE envelope: the signer's key id and the 64-byte Ed25519 signature.</summary>
    public sealed class EnvelopeSignature
    {
        public EnvelopeSignature(string keyId, byte[] signature)
        {
            KeyId = keyId;
            Signature = signature;
        }

        /// <summary>hex(SHA256(public key)), 64 lowercase hex digits.</summary>
        public string KeyId { get; private set; }

        /// <summary>The 64-byte signature over PAE(payloadType, payload).</summary>
        public byte[] Signature { get; private set; }
    }
}
