using System;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// A well-formed DSSE envelope whose signatures have NOT been checked yet: parsing only proves
    /// the shape (docs/PROTOCOL.md section 4). <see cref="SignatureThreshold"/> decides whether a role
    /// signed it; nothing in the payload may be trusted before that.
    /// </summary>
    public sealed class SignedEnvelope
    {
        /// <summary>Most signatures an envelope may carry; more is rejected before any is verified.</summary>
        public const int MaxSignatures = 16;

        private readonly EnvelopeSignature[] _signatures;

        public SignedEnvelope(string payloadType, byte[] payload, EnvelopeSignature[] signatures)
        {
            if (payloadType == null) throw new ArgumentNullException("payloadType");
            if (payload == null) throw new ArgumentNullException("payload");
            if (signatures == null) throw new ArgumentNullException("signatures");
            if (signatures.Length > MaxSignatures) throw new ArgumentOutOfRangeException("signatures");
            PayloadType = payloadType;
            Payload = payload;
            _signatures = signatures;
        }

        /// <summary>The declared payload type, e.g. application/vnd.secureota.root+json.</summary>
        public string PayloadType { get; private set; }

        /// <summary>The decoded payload bytes (the signed body).</summary>
        public byte[] Payload { get; private set; }

        /// <summary>Number of signatures (0 to 16).</summary>
        public int SignatureCount { get { return _signatures.Length; } }

        /// <summary>Signature number <paramref name="index"/> in document order.</summary>
        public EnvelopeSignature GetSignature(int index)
        {
            if (index < 0 || index >= _signatures.Length) throw new ArgumentOutOfRangeException("index");
            return _signatures[index];
        }
    }
}
