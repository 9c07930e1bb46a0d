using System;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Keys
{
    /// <summary>
    /// Recovers a release's content key from its wrapped key file (docs/PROTOCOL.md section 8; steps
    /// K1-K4 of section 9, each one method, run in order):
    /// Z = X25519(r, E); KEK = HKDF(Z, E || R, "SecureOta/v1/key-wrap", 16); CK = AES-KW-unwrap(KEK, W);
    /// then HMAC(CK, "SecureOta/v1/key-check")[0..16) must equal the manifest's keyCheck, so a
    /// substituted key (another release's, or garbage) is refused before any download.
    /// </summary>
    public sealed class KeyUnwrapper
    {
        /// <summary>Exact size of a wrapped key file.</summary>
        public const int FileSize = 57;

        /// <summary>The only format byte this version knows.</summary>
        public const byte Format = 0x01;

        private const int EphemeralOffset = 1;
        private const int WrappedOffset = 33;
        private const int WrappedSize = 24;
        private const int KeyCheckSize = 16;

        private readonly IHmacSha256 _hmac;
        private readonly IAes128 _aes;

        public KeyUnwrapper(IHmacSha256 hmac, IAes128 aes)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (aes == null) throw new ArgumentNullException("aes");
            _hmac = hmac;
            _aes = aes;
        }

        /// <param name="file">The bytes of keys/&lt;version&gt;/&lt;recipient.Id&gt;.</param>
        /// <param name="recipient">The device's recipient key the file was fetched for.</param>
        /// <param name="keyCheck">release.keyCheck of the verified manifest (16 bytes).</param>
        /// <param name="contentKey">On success, the 16-byte content key.</param>
        public bool TryUnwrap(byte[] file, RecipientKey recipient, byte[] keyCheck, out byte[] contentKey, out VerificationFailure failure)
        {
            if (file == null) throw new ArgumentNullException("file");
            if (recipient == null) throw new ArgumentNullException("recipient");
            if (keyCheck == null) throw new ArgumentNullException("keyCheck");
            if (keyCheck.Length != KeyCheckSize) throw new ArgumentException("keyCheck is 16 bytes", "keyCheck");
            contentKey = null;

            byte[] ephemeral;
            byte[] shared;
            byte[] key;
            if (!CheckFile(file, out ephemeral, out failure)) return false;
            if (!AgreeSecret(recipient, ephemeral, out shared, out failure)) return false;
            bool unwrapped = UnwrapKey(file, recipient, ephemeral, shared, out key, out failure);
            Array.Clear(shared, 0, shared.Length);
            if (!unwrapped) return false;
            if (!CheckKey(key, keyCheck, out failure))
            {
                Array.Clear(key, 0, key.Length);
                return false;
            }
            contentKey = key;
            return true;
        }

        /// <summary>
        /// K1 alone: exactly 57 bytes starting with format 1. Public so a verifier without the
        /// recipient's private key (the build, for other recipients' files) checks the same rule.
        /// </summary>
        public static bool CheckForm(byte[] file, out VerificationFailure failure)
        {
            if (file == null) throw new ArgumentNullException("file");
            failure = null;
            if (file.Length == FileSize && file[0] == Format) return true;
            failure = new VerificationFailure(VerificationError.Malformed, "K1",
                "wrapped key file must be " + FileSize + " bytes starting with format 0x01, got " + file.Length +
                " bytes" + (file.Length > 0 ? " starting with 0x" + Json.Hex.Encode(file, 0, 1) : "") +
                "; the server sent something else.");
            return false;
        }

        /// <summary>K1, then returns E.</summary>
        private static bool CheckFile(byte[] file, out byte[] ephemeral, out VerificationFailure failure)
        {
            ephemeral = null;
            if (!CheckForm(file, out failure)) return false;
            ephemeral = new byte[X25519.Size];
            Array.Copy(file, EphemeralOffset, ephemeral, 0, X25519.Size);
            return true;
        }

        /// <summary>K2: Z = X25519(r, E), rejected when all zero (E of low order makes Z independent of r).</summary>
        private static bool AgreeSecret(RecipientKey recipient, byte[] ephemeral, out byte[] shared, out VerificationFailure failure)
        {
            failure = null;
            shared = new byte[X25519.Size];
            recipient.Agree(ephemeral, shared);
            if (!ConstantTime.IsZero(shared, 0, shared.Length)) return true;
            failure = new VerificationFailure(VerificationError.KeyAgreementFailed, "K2",
                "the wrapped key's ephemeral public key has low order (X25519 gave zero); the file is forged or corrupt.");
            return false;
        }

        /// <summary>K3: KEK from HKDF, then the RFC 3394 unwrap and its integrity check.</summary>
        private bool UnwrapKey(byte[] file, RecipientKey recipient, byte[] ephemeral, byte[] shared, out byte[] key, out VerificationFailure failure)
        {
            failure = null;
            byte[] salt = new byte[2 * X25519.Size];
            Array.Copy(ephemeral, 0, salt, 0, X25519.Size);
            Array.Copy(recipient.PublicKey, 0, salt, X25519.Size, X25519.Size);
            byte[] kek = Hkdf.DeriveKey(_hmac, shared, salt, DigestKeys.KeyWrapInfo, 16);

            byte[] wrapped = new byte[WrappedSize];
            Array.Copy(file, WrappedOffset, wrapped, 0, WrappedSize);
            bool ok = AesKeyWrap.TryUnwrap(_aes, kek, wrapped, out key);
            Array.Clear(kek, 0, kek.Length);
            if (ok && key.Length == 16) return true;
            if (key != null) Array.Clear(key, 0, key.Length);
            key = null;
            failure = new VerificationFailure(VerificationError.KeyUnwrapFailed, "K3",
                "the wrapped key does not unwrap with recipient " + recipient.Id + "'s key; it was wrapped for another " +
                "recipient or altered. Check that the device's recipient key is registered for this release.");
            return false;
        }

        /// <summary>K4: HMAC(CK, "SecureOta/v1/key-check")[0..16) = keyCheck, in constant time.</summary>
        private bool CheckKey(byte[] key, byte[] keyCheck, out VerificationFailure failure)
        {
            failure = null;
            byte[] mac = new byte[32];
            _hmac.Compute(key, DigestKeys.KeyCheckLabel, 0, DigestKeys.KeyCheckLabel.Length, mac, 0);
            if (ConstantTime.AreEqual(mac, 0, keyCheck, 0, KeyCheckSize)) return true;
            failure = new VerificationFailure(VerificationError.KeyCheckMismatch, "K4",
                "the unwrapped content key does not match the manifest's keyCheck; the key file belongs to another " +
                "release. Nothing was downloaded.");
            return false;
        }
    }
}
