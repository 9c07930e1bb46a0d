using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The work of <see cref="Ed25519.Verify"/> (arguments already checked) on buffers allocated once
    /// with the instance: the decoded key, the digest, the scalars, the result point and every field
    /// temporary. Not thread-safe. About 3.5 KiB of heap for as long as it lives.
    /// <para>
    /// It remembers the last public key that passed the key checks, with its decoded point already in
    /// the scalar multiplication's table: a device verifies every manifest under the same release key,
    /// so the checks, the decoding (a square root: an exponentiation) and the table (about 200,000 IL in
    /// all) are paid once per key, not per signature. The key's bytes are compared in full each time.
    /// </para>
    /// </summary>
    internal sealed class Ed25519Verifier
    {
        private readonly EdwardsPointCodec _codec = new EdwardsPointCodec();
        private readonly EdwardsDoubleScalarMultiplication _multiplication = new EdwardsDoubleScalarMultiplication();
        private readonly EdwardsPoint _negatedKey = new EdwardsPoint();
        private readonly byte[] _preparedKey = new byte[Ed25519.PublicKeySize];
        private bool _hasPreparedKey;
        private readonly EdwardsPoint _check = new EdwardsPoint();
        private readonly Sha512 _sha = new Sha512();
        private readonly byte[] _digest = new byte[Sha512.HashSize];
        private readonly long[] _reduceScratch = new long[Scalar25519.ReduceScratchSize];
        private readonly byte[] _h = new byte[32];
        private readonly byte[] _s = new byte[32];
        private readonly byte[] _checkEncoding = new byte[32];

        public bool Verify(byte[] publicKey, byte[] signature, byte[] message, int offset, int count)
        {
            // S must be below the group order L. [S]B only depends on S mod L, so without this check
            // anyone could turn a valid signature into a second one (S + L) without the key: malleability.
            if (!Scalar25519.IsCanonical(signature, 32)) return false;

            // R must not be a point of small order (any encoding of one, sign bit ignored). libsodium
            // refuses these so that a signature cannot be made to verify through a component that
            // vanishes under the cofactor: together with the key checks below, it stops signatures that
            // some verifiers accept and others reject.
            if (_codec.HasSmallOrder(signature, 0)) return false;

            // The key must be canonical (y < p): otherwise two encodings of one key would hash to
            // different h and so accept different signatures. And it must not have small order: the
            // neutral element, say, satisfies [S]B = R + [h]A for R = [S]B and every message, so
            // anyone could sign for such a key.
            if (!IsPrepared(publicKey))
            {
                _hasPreparedKey = false;
                if (!EdwardsPointCodec.IsCanonicalPointEncoding(publicKey, 0)) return false;
                if (_codec.HasSmallOrder(publicKey, 0)) return false;

                // The key must decode to a point of the curve at all.
                if (!_codec.TryDecode(_negatedKey, publicKey, 0)) return false;
                _negatedKey.Negate();
                _multiplication.SetPoint(_negatedKey);
                Array.Copy(publicKey, _preparedKey, Ed25519.PublicKeySize);
                _hasPreparedKey = true;
            }

            // h = SHA-512(R || A || M) mod L.
            _sha.Reset();
            _sha.Update(signature, 0, 32);
            _sha.Update(publicKey, 0, Ed25519.PublicKeySize);
            _sha.Update(message, offset, count);
            _sha.Final(_digest, 0);
            Scalar25519.Reduce64(_digest, _h, _reduceScratch);

            Array.Copy(signature, 32, _s, 0, 32);

            // Cofactorless check, as libsodium: the encoding of [S]B - [h]A must equal R's 32 bytes.
            // The computed encoding is canonical, so a non-canonical R (y >= p, or a sign bit on x = 0)
            // never matches. Public values: an ordinary comparison would do, the constant-time one is as cheap.
            _multiplication.Compute(_check, _h, _s);
            _codec.Encode(_check, _checkEncoding, 0);
            return ConstantTime.AreEqual(_checkEncoding, 0, signature, 0, 32);
        }

        private bool IsPrepared(byte[] publicKey)
        {
            return _hasPreparedKey && ConstantTime.AreEqual32(publicKey, 0, _preparedKey, 0);
        }
    }
}
