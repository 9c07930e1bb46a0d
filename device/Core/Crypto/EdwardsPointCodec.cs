namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// RFC 8032 point encoding and decoding and the small-order test, with the scratch elements they
    /// need allocated once: an owner (the verifier, the base-point table) keeps one codec and calls it
    /// any number of times without allocating. Not thread-safe.
    /// </summary>
    internal sealed class EdwardsPointCodec
    {
        private readonly Field25519Workspace _work = new Field25519Workspace();
        private readonly int[] _u = Field25519.Create();
        private readonly int[] _v = Field25519.Create();
        private readonly int[] _v3 = Field25519.Create();
        private readonly int[] _check = Field25519.Create();
        private readonly int[] _scratch = Field25519.Create();

        /// <summary>
        /// Decodes RFC 8032's 32-byte encoding (y, with the sign of x in bit 255) into p as libsodium
        /// 1.0.18's ge25519_frombytes does: false when no x satisfies the curve equation for this y. Like
        /// libsodium it neither refuses y &gt;= p nor "negative zero" x; Ed25519 verification rejects those
        /// encodings before decoding, by its canonical and small-order checks.
        /// </summary>
        public bool TryDecode(EdwardsPoint p, byte[] s, int offset)
        {
            int[] u = _u, v = _v, v3 = _v3, check = _check, x = p.X;

            Field25519.FromBytes(p.Y, s, offset);
            Field25519.SetOne(p.Z);

            // x^2 = u / v with u = y^2 - 1 and v = d y^2 + 1 (the curve equation solved for x^2).
            Field25519Products.Square(u, p.Y);
            Field25519Products.Multiply(v, u, Curve25519Constants.D);
            Field25519.Subtract(u, u, p.Z);
            Field25519.Add(v, v, p.Z);

            // Candidate root x = u v^3 (u v^7)^((p-5)/8): one exponentiation yields a square root of u/v
            // up to a factor sqrt(-1), since p = 5 mod 8 (RFC 8032 section 5.1.3).
            Field25519Products.Square(v3, v);
            Field25519Products.Multiply(v3, v3, v);            // v^3
            Field25519Products.Square(x, v3);
            Field25519Products.Multiply(x, x, v);              // v^7
            Field25519Products.Multiply(x, x, u);              // u v^7
            Field25519Powers.RaiseToPMinus5Over8(x, x, _work);
            Field25519Products.Multiply(x, x, v3);
            Field25519Products.Multiply(x, x, u);              // u v^3 (u v^7)^((p-5)/8)

            Field25519Products.Square(check, x);
            Field25519Products.Multiply(check, check, v);      // v x^2
            Field25519.Subtract(v, check, u);                  // v x^2 - u
            if (!Field25519Encoding.IsZero(v, _scratch))
            {
                Field25519.Add(v, check, u);                   // v x^2 + u
                if (!Field25519Encoding.IsZero(v, _scratch))
                {
                    return false; // u/v is not a square: no point has this y
                }
                Field25519Products.Multiply(x, x, Curve25519Constants.SqrtMinusOne);
            }

            if (Field25519Encoding.IsNegative(x, _scratch) != (s[offset + 31] >> 7))
            {
                Field25519.Negate(x, x);
            }
            Field25519Products.Multiply(p.T, x, p.Y);
            return true;
        }

        /// <summary>Writes p's canonical 32-byte encoding: y reduced mod p, the low bit of x in bit 255.</summary>
        public void Encode(EdwardsPoint p, byte[] s, int offset)
        {
            int[] inverseZ = _u, x = _v, y = _v3;
            // Variable time is fine: the only point encoded is the signature check's [S]B - [h]A, computed from
            // public values. _scratch and _work are not inverseZ.
            Field25519VariableTimeInversion.Invert(inverseZ, p.Z, _scratch, _work);
            Field25519Products.Multiply(x, p.X, inverseZ);
            Field25519Products.Multiply(y, p.Y, inverseZ);
            Field25519Encoding.ToBytes(s, offset, y, _scratch);
            s[offset + 31] |= (byte)(Field25519Encoding.IsNegative(x, _scratch) << 7);
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
        public bool HasSmallOrder(byte[] encoding, int offset)
        {
            int[] y = _u, t = _v, ySquared = _v3, scratch = _scratch;
            Field25519.FromBytes(y, encoding, offset);

            if (Field25519Encoding.IsZero(y, scratch)) return true;
            y[0] -= 1;
            bool isOne = Field25519Encoding.IsZero(y, scratch);
            y[0] += 2;
            bool isMinusOne = Field25519Encoding.IsZero(y, scratch);
            y[0] -= 1;
            if (isOne || isMinusOne) return true;

            Field25519Products.Square(ySquared, y);
            Field25519Products.Square(t, ySquared);
            Field25519Products.Multiply(t, t, Curve25519Constants.D);   // d y^4
            Field25519.Add(t, t, ySquared);
            Field25519.Add(t, t, ySquared);                              // + 2 y^2
            t[0] -= 1;                                                   // - 1
            return Field25519Encoding.IsZero(t, scratch);
        }

        /// <summary>False when the low 255 bits of s are at least p = 2^255 - 19 (a non-canonical y).</summary>
        public static bool IsCanonicalPointEncoding(byte[] s, int offset)
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
