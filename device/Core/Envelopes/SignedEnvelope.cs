using System;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// A well-formed DSSE envelope whose signatures have NOT been checked yet: parsing only proves
    /// the shape (docs/PROTOCOL.md section 4). <see cref="SignatureThreshold"/> decides whether a role
    /// signed it; nothing in the payload may be trusted before that. The payload is kept inside the
    /// message the signatures cover, PAE(payloadType, payload), so verifying needs no second copy of it.
    /// </summary>
    public sealed class SignedEnvelope
    {
        /// <summary>Most signatures an envelope may carry; more is rejected before any is verified.</summary>
        public const int MaxSignatures = 16;

        private readonly EnvelopeSignature[] _signatures;
        private readonly byte[] _message;
        private readonly int _payloadOffset;
        private readonly int _payloadLength;

        public SignedEnvelope(string payloadType, byte[] payload, EnvelopeSignature[] signatures)
            : this(payloadType, Pae.Encode(payloadType, payload), Pae.HeaderLength(payloadType, payload.Length), payload.Length, signatures)
        {
        }

        /// <param name="payloadType">The declared payload type.</param>
        /// <param name="message">PAE(payloadType, payload): what every signature covers.</param>
        /// <param name="payloadOffset">Where the payload starts in <paramref name="message"/>.</param>
        /// <param name="payloadLength">The payload's length; it ends the message.</param>
        /// <param name="signatures">0 to <see cref="MaxSignatures"/> signatures.</param>
        public SignedEnvelope(string payloadType, byte[] message, int payloadOffset, int payloadLength, EnvelopeSignature[] signatures)
        {
            if (payloadType == null) throw new ArgumentNullException("payloadType");
            if (message == null) throw new ArgumentNullException("message");
            if (signatures == null) throw new ArgumentNullException("signatures");
            if (payloadOffset < 0 || payloadLength < 0 || payloadOffset + payloadLength != message.Length) throw new ArgumentOutOfRangeException("payloadLength");
            if (signatures.Length > MaxSignatures) throw new ArgumentOutOfRangeException("signatures");
            PayloadType = payloadType;
            _message = message;
            _payloadOffset = payloadOffset;
            _payloadLength = payloadLength;
            _signatures = signatures;
        }

        /// <summary>The declared payload type, e.g. application/vnd.secureota.root+json.</summary>
        public string PayloadType { get; private set; }

        /// <summary>PAE(payloadType, payload), the bytes every signature covers; the payload is its tail.</summary>
        public byte[] Message { get { return _message; } }

        /// <summary>Where the payload starts in <see cref="Message"/>.</summary>
        public int PayloadOffset { get { return _payloadOffset; } }

        /// <summary>Length of the payload (the signed body).</summary>
        public int PayloadLength { get { return _payloadLength; } }

        /// <summary>A copy of the decoded payload bytes (the signed body); readers use <see cref="Message"/> in place.</summary>
        public byte[] Payload
        {
            get
            {
                byte[] payload = new byte[_payloadLength];
                Array.Copy(_message, _payloadOffset, payload, 0, _payloadLength);
                return payload;
            }
        }

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
