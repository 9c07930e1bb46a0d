namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Every way verification can fail (docs/PROTOCOL.md section 9). The set is closed: code that
    /// switches on it can handle every case, and the values are fixed so they can be logged or stored.
    /// The step id of a <see cref="VerificationFailure"/> says where; this says what kind of problem.
    /// </summary>
    public enum VerificationError
    {
        /// <summary>The bytes break the format: JSON rules, envelope shape, a required member, a range, a cross-check.</summary>
        Malformed = 1,

        /// <summary>A document or body is larger than its limit (R1, C1) or longer than its signed size (A1).</summary>
        TooLarge = 2,

        /// <summary>A body ended before its signed size (A1).</summary>
        Truncated = 3,

        /// <summary>The envelope's payload type is not the one this step expects (R3, C3).</summary>
        WrongPayloadType = 4,

        /// <summary>Fewer than the role's threshold of distinct keys signed validly (R4, R7, C4).</summary>
        SignatureThreshold = 5,

        /// <summary>A key in root metadata is listed under an id that is not hex(SHA256(public key)) (R5).</summary>
        KeyIdMismatch = 6,

        /// <summary>The next root's version is not exactly the trusted version plus one (R6).</summary>
        RootVersionMismatch = 7,

        /// <summary>More new root versions than one update may walk (section 11: 32).</summary>
        RootChainTooLong = 8,

        /// <summary>A root or manifest has expired: expires is not after now (R8, C8).</summary>
        Expired = 9,

        /// <summary>The manifest is for another channel (C6).</summary>
        WrongChannel = 10,

        /// <summary>The manifest's sequence is lower than the highest accepted: rollback or replay (C7).</summary>
        RolledBack = 11,

        /// <summary>The release's security version is lower than the installed one (C9).</summary>
        SecurityDowngrade = 12,

        /// <summary>X25519 gave the all-zero shared secret: the ephemeral key has low order (K2).</summary>
        KeyAgreementFailed = 13,

        /// <summary>The AES key wrap integrity check failed: the wrapped key is not for this recipient, or was altered (K3).</summary>
        KeyUnwrapFailed = 14,

        /// <summary>The unwrapped content key does not match the manifest's keyCheck (K4).</summary>
        KeyCheckMismatch = 15,

        /// <summary>A record's digest is not the one the chain expects: altered, reordered or foreign data (A2).</summary>
        RecordDigestMismatch = 16,

        /// <summary>The last record does not end the chain with 32 zero bytes (A5).</summary>
        ChainEndMismatch = 17,

        /// <summary>The decrypted image does not have the signed length or image digest (A5).</summary>
        ImageDigestMismatch = 18,

        /// <summary>Root metadata lists one key in two roles (R5): the theft of one key must never give two roles.</summary>
        RoleKeyShared = 19,

        /// <summary>A root, manifest or approval names another product than the device's trusted root (R6, C6, P6).</summary>
        WrongProduct = 20,

        /// <summary>A manifest's issued time is further ahead of the device's synchronised clock than the allowed skew (C10).</summary>
        IssuedInFuture = 21,

        /// <summary>The release a manifest points at is not the one its approval names (P6): not approved.</summary>
        NotApproved = 22,
    }
}
