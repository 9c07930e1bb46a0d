using System;
using SecureOta.Device.Core.KeyTables;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The work of <see cref="Ed25519.Verify"/> (arguments already checked) on buffers allocated once
    /// with the instance. Not thread-safe.
    /// <para>
    /// Keys are prepared once: a key that passes its checks is decoded and its split table
    /// (<see cref="EdwardsSplitTable"/>: 192 doublings and four small tables) is kept, for the last
    /// <see cref="KeySlots"/> keys, because a device verifies every root under the same root keys and
    /// every manifest under the same release key. A signature under a prepared key then costs 64
    /// doublings instead of 253; the first one under a new key pays about 1.0M IL more (the 192
    /// doublings of its table are most of it). The key bytes are
    /// compared in full each time. Heap: about 6 KiB per slot plus 3 KiB of scratch, held for good.
    /// </para>
    /// <para>
    /// Slots are lost at every reboot; a <see cref="PreparedKeyStore"/> passed with the key keeps its table on
    /// flash, so the first signature after a boot loads it (tag checked) instead of computing it.
    /// </para>
    /// </summary>
    internal sealed class Ed25519Verifier
    {
        /// <summary>
        /// Prepared keys kept in RAM. A poll that installs verifies three (the release key and a threshold of two
        /// approval keys), so one is prepared again at the next poll; with the release and approval keys' tables
        /// on flash (<see cref="PreparedKeyStore"/>) that costs a file read (about 54,000 IL), not a third slot's
        /// 6 KiB of heap held for good.
        /// </summary>
        public const int KeySlots = 2;

        private readonly EdwardsPointCodec _codec = new EdwardsPointCodec();
        private readonly EdwardsDoubleScalarMultiplication _multiplication = new EdwardsDoubleScalarMultiplication();
        private readonly EdwardsSplitTable[] _tables = new EdwardsSplitTable[KeySlots];
        private readonly byte[][] _keys = new byte[KeySlots][];
        private readonly bool[] _prepared = new bool[KeySlots];
        private int _lastUsed;
        private readonly EdwardsPoint _negatedKey = new EdwardsPoint();
        private readonly EdwardsPoint _check = new EdwardsPoint();
        private readonly EdwardsPoint _scratch1 = new EdwardsPoint();
        private readonly EdwardsPoint _scratch2 = new EdwardsPoint();
        private readonly EdwardsCachedPoint _cached = new EdwardsCachedPoint();
        private readonly Sha512 _sha = new Sha512();
        private readonly byte[] _digest = new byte[Sha512.HashSize];
        private readonly long[] _reduceScratch = new long[Scalar25519.ReduceScratchSize];
        private readonly byte[] _h = new byte[32];
        private readonly byte[] _s = new byte[32];
        private readonly byte[] _checkEncoding = new byte[32];
        private readonly SplitPointsReader _splitPoints = new SplitPointsReader();

        public Ed25519Verifier()
        {
            for (int i = 0; i < KeySlots; i++)
            {
                _tables[i] = new EdwardsSplitTable();
                _keys[i] = new byte[Ed25519.PublicKeySize];
            }
        }

        public bool Verify(byte[] publicKey, byte[] signature, byte[] message, int offset, int count, PreparedKeyStore store)
        {
            // S must be below the group order L. [S]B only depends on S mod L, so without this check
            // anyone could turn a valid signature into a second one (S + L) without the key: malleability.
            if (!Scalar25519.IsCanonical(signature, 32)) return false;

            // R must not be a point of small order (any encoding of one, sign bit ignored). libsodium
            // refuses these so that a signature cannot be made to verify through a component that
            // vanishes under the cofactor: together with the key checks below, it stops signatures that
            // some verifiers accept and others reject.
            if (_codec.HasSmallOrder(signature, 0)) return false;

            int slot = FindPrepared(publicKey);
            if (slot < 0)
            {
                // The key must be canonical (y < p): otherwise two encodings of one key would hash to
                // different h and so accept different signatures. And it must not have small order: the
                // neutral element, say, satisfies [S]B = R + [h]A for R = [S]B and every message, so
                // anyone could sign for such a key.
                if (!EdwardsPointCodec.IsCanonicalPointEncoding(publicKey, 0)) return false;
                if (_codec.HasSmallOrder(publicKey, 0)) return false;
                slot = Prepare(publicKey, store);
                if (slot < 0) return false;
            }
            _lastUsed = slot;

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
            _multiplication.Compute(_check, _h, _tables[slot], _s);
            _codec.Encode(_check, _checkEncoding, 0);
            return ConstantTime.AreEqual(_checkEncoding, 0, signature, 0, 32);
        }

        private int FindPrepared(byte[] publicKey)
        {
            for (int i = 0; i < KeySlots; i++)
            {
                if (_prepared[i] && ConstantTime.AreEqual32(publicKey, 0, _keys[i], 0)) return i;
            }
            return -1;
        }

        /// <summary>Empties every slot, as a reboot does: the next signature under each key prepares it again.</summary>
        public void Forget()
        {
            for (int i = 0; i < KeySlots; i++) _prepared[i] = false;
        }

        /// <summary>True when text[at, +384) is a well-formed split member (<see cref="SplitPointsReader"/>).</summary>
        public bool AreSplitPointsValid(byte[] text, int at)
        {
            return _splitPoints.AreValid(text, at, _scratch1);
        }

        /// <summary>
        /// Prepares the key from the split points of a root whose signatures verified (text[at, +384)): its table's
        /// first row from the decoded key, the other three from the points, so no doubling is needed; the table is
        /// written to the store and kept in the slot not used last. False, with nothing prepared, when the key fails
        /// a check of <see cref="Verify"/> or a point does not read (the key then stays to be prepared the usual way).
        /// </summary>
        public bool PrepareFromSplit(byte[] publicKey, byte[] text, int at, PreparedKeyStore store)
        {
            int slot = FindPrepared(publicKey);
            if (slot >= 0)
            {
                store.Save(publicKey, _tables[slot]);
                return true;
            }
            // The checks of Verify: a slot marked prepared skips them there.
            if (!EdwardsPointCodec.IsCanonicalPointEncoding(publicKey, 0) || _codec.HasSmallOrder(publicKey, 0)) return false;
            if (at < 0 || at > text.Length - SplitPointsReader.TextLength) return false;
            slot = (_lastUsed + 1) % KeySlots;
            _prepared[slot] = false;
            EdwardsSplitTable table = _tables[slot];
            if (!_codec.TryDecode(_negatedKey, publicKey, 0)) return false;
            _negatedKey.Negate();
            table.FillRow(0, _negatedKey, _scratch1, _scratch2, _cached);
            for (int c = 1; c < EdwardsSplitTable.RowCount; c++)
            {
                // 2^(64c) A, negated as the whole table is: (x, y) becomes (-x, y).
                // The slot stays unprepared if a point does not read (the root's reader refused such points already).
                if (!_splitPoints.TryRead(text, at + (c - 1) * SplitPointsReader.PointTextLength, _check)) return false;
                _check.Negate();
                table.FillRow(c, _check, _scratch1, _scratch2, _cached);
            }
            store.Save(publicKey, table);
            Array.Copy(publicKey, _keys[slot], Ed25519.PublicKeySize);
            _prepared[slot] = true;
            _lastUsed = slot;
            return true;
        }

        // Fills the slot not used last with the negated key's split table: from the store's file when it holds a
        // sound one for exactly this key (its tag and key checked; the key decoded when the table was made),
        // else computed from the decoded key and written to the store. -1 when the key is not a curve point
        // (the slot chosen is then empty).
        private int Prepare(byte[] publicKey, PreparedKeyStore store)
        {
            int slot = (_lastUsed + 1) % KeySlots;
            _prepared[slot] = false;
            EdwardsSplitTable table = _tables[slot];
            if (store == null || !store.TryLoad(publicKey, table))
            {
                // The key must decode to a point of the curve at all.
                if (!_codec.TryDecode(_negatedKey, publicKey, 0)) return -1;
                _negatedKey.Negate();
                table.Fill(_negatedKey, _check, _scratch1, _scratch2, _cached);
                if (store != null) store.Save(publicKey, table);
            }
            Array.Copy(publicKey, _keys[slot], Ed25519.PublicKeySize);
            _prepared[slot] = true;
            return slot;
        }
    }
}
