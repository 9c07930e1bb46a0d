using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Ed25519 signature verification (RFC 8032) with exactly the acceptance rules of libsodium 1.0.18's
    /// crypto_sign_verify_detached, the library the release pipeline signs with, so the build's own
    /// check and the device can never disagree about a signature. nanoFramework has no Ed25519.
    /// </summary>
    public static class Ed25519
    {
        /// <summary>Length of an encoded public key.</summary>
        public const int PublicKeySize = 32;

        /// <summary>Length of a signature: R (32 bytes) then S (32 bytes).</summary>
        public const int SignatureSize = 64;

        /// <summary>
        /// True when signature is a valid signature of message[offset, +count) under publicKey.
        /// Returns false for every cryptographic failure, whatever the bytes; throws only on misuse
        /// (null arrays, a key or signature of the wrong length, a range outside the message).
        /// Variable time: everything it handles is public.
        /// </summary>
        public static bool Verify(byte[] publicKey, byte[] signature, byte[] message, int offset, int count)
        {
            if (publicKey == null) throw new ArgumentNullException("publicKey");
            if (signature == null) throw new ArgumentNullException("signature");
            if (message == null) throw new ArgumentNullException("message");
            if (publicKey.Length != PublicKeySize) throw new ArgumentException("An Ed25519 public key is 32 bytes.", "publicKey");
            if (signature.Length != SignatureSize) throw new ArgumentException("An Ed25519 signature is 64 bytes.", "signature");
            if (offset < 0 || count < 0 || offset > message.Length - count) throw new ArgumentOutOfRangeException("count");

            // S must be below the group order L. [S]B only depends on S mod L, so without this check
            // anyone could turn a valid signature into a second one (S + L) without the key: malleability.
            if (!Scalar25519.IsCanonical(signature, 32)) return false;

            // R must not be a point of small order (any encoding of one, sign bit ignored). libsodium
            // refuses these so that a signature cannot be made to verify through a component that
            // vanishes under the cofactor: together with the key checks below, it stops signatures that
            // some verifiers accept and others reject.
            if (HasSmallOrder(signature, 0)) return false;

            // The key must be canonical (y < p): otherwise two encodings of one key would hash to
            // different h and so accept different signatures. And it must not have small order: the
            // neutral element, say, satisfies [S]B = R + [h]A for R = [S]B and every message, so
            // anyone could sign for such a key.
            if (!IsCanonicalPointEncoding(publicKey, 0)) return false;
            if (HasSmallOrder(publicKey, 0)) return false;

            // The key must decode to a point of the curve at all.
            EdwardsPoint negatedKey = new EdwardsPoint();
            if (!negatedKey.TryDecode(publicKey, 0)) return false;
            negatedKey.Negate();

            // h = SHA-512(R || A || M) mod L.
            Sha512 sha = new Sha512();
            sha.Update(signature, 0, 32);
            sha.Update(publicKey, 0, PublicKeySize);
            sha.Update(message, offset, count);
            byte[] digest = new byte[Sha512.HashSize];
            sha.Final(digest, 0);
            byte[] h = new byte[32];
            Scalar25519.Reduce64(digest, h);

            byte[] s = new byte[32];
            Array.Copy(signature, 32, s, 0, 32);

            // Cofactorless check, as libsodium: the encoding of [S]B - [h]A must equal R's 32 bytes.
            // The computed encoding is canonical, so a non-canonical R (y >= p, or a sign bit on x = 0)
            // never matches.
            EdwardsPoint check = new EdwardsPoint();
            EdwardsDoubleScalarMultiplication.Compute(check, h, negatedKey, s);
            byte[] checkEncoding = new byte[32];
            check.Encode(checkEncoding, 0);
            return ConstantTime.AreEqual(checkEncoding, 0, signature, 0, 32);
        }

        /// <summary>
        /// True when the low 255 bits, read mod p, are the y of one of the 8 points whose order divides 8:
        /// y = 0 (order 4), 1 (order 1), -1 (order 2), or one of the two order-8 y, which are the roots of
        /// d y^4 + 2 y^2 - 1 (doubling gives y = 0, of order 4, exactly when x^2 = -y^2 on the curve; the
        /// quartic's other root y^2 = -1/(d y8^2) is not a square because -1/d is not, so nothing else
        /// matches). The sign bit is ignored because it only picks between x and -x. This is exactly
        /// the set libsodium 1.0.18 blocklists by encoding: its entries p and p + 1 are the non-canonical
        /// 0 and 1, the only other y below 2^255 that reduce onto the set.
        /// </summary>
        private static bool HasSmallOrder(byte[] encoding, int offset)
        {
            int[] y = Field25519.Create();
            Field25519.FromBytes(y, encoding, offset);

            int[] one = Field25519.FromInt(1);
            int[] t = Field25519.Create();
            if (Field25519.IsZero(y)) return true;
            Field25519.Subtract(t, y, one);
            if (Field25519.IsZero(t)) return true;
            Field25519.Add(t, y, one);
            if (Field25519.IsZero(t)) return true;

            int[] ySquared = Field25519.Create();
            Field25519Products.Square(ySquared, y);
            Field25519Products.Square(t, ySquared);
            Field25519Products.Multiply(t, t, Curve25519Constants.D);   // d y^4
            Field25519.Add(t, t, ySquared);
            Field25519.Add(t, t, ySquared);                              // + 2 y^2
            Field25519.Subtract(t, t, one);                              // - 1
            return Field25519.IsZero(t);
        }

        /// <summary>False when the low 255 bits of s are at least p = 2^255 - 19 (a non-canonical y).</summary>
        private static bool IsCanonicalPointEncoding(byte[] s, int offset)
        {
            if ((s[offset + 31] & 0x7f) != 0x7f) return true;
            for (int i = 30; i > 0; i--)
            {
                if (s[offset + i] != 0xff) return true;
            }
            return s[offset] < 0xed;
        }
    }
}
