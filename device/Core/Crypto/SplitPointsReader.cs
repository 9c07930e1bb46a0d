using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Reads the <c>split</c> member of a root key (docs/PROTOCOL.md section 5): the points 2^64 A, 2^128 A and
    /// 2^192 A of the key A, each as its affine x then y, 32 bytes little-endian, every coordinate below p, in
    /// lowercase hex (384 characters). They replace the 192 doublings of a key's split table
    /// (<see cref="EdwardsSplitTable"/>), but only for a root whose signatures already verified: points of a
    /// known discrete log would let whoever chose them satisfy the verification equation, so a document's own
    /// points never check that document's signatures. Reading checks the hex, that each coordinate is
    /// canonical and that each point is on the curve (-x^2 + y^2 = 1 + d x^2 y^2); it does not (and cannot
    /// cheaply) check that the points are multiples of A: the root's signers vouch for that, and wrong points
    /// only make signatures under the key fail. Scratch allocated once; not thread-safe.
    /// </summary>
    internal sealed class SplitPointsReader
    {
        /// <summary>Points in the member: 2^64 A, 2^128 A, 2^192 A.</summary>
        public const int PointCount = EdwardsSplitTable.RowCount - 1;

        /// <summary>Hex characters of one point: x then y, 32 bytes each.</summary>
        public const int PointTextLength = 2 * 2 * 32;

        /// <summary>Hex characters of the whole member: 384.</summary>
        public const int TextLength = PointCount * PointTextLength;

        private readonly byte[] _bytes = new byte[32];
        private readonly int[] _xx = Field25519.Create();
        private readonly int[] _yy = Field25519.Create();
        private readonly int[] _check = Field25519.Create();
        private readonly int[] _scratch = Field25519.Create();

        /// <summary>True when text[at, +384) holds three canonical points of the curve (the scratch point is overwritten).</summary>
        public bool AreValid(byte[] text, int at, EdwardsPoint scratch)
        {
            if (at < 0 || at > text.Length - TextLength) return false;
            for (int i = 0; i < PointCount; i++)
            {
                if (!TryRead(text, at + i * PointTextLength, scratch)) return false;
            }
            return true;
        }

        /// <summary>
        /// Sets p (extended coordinates, Z = 1, T = xy) to the point whose hex starts at text[at]; false when the hex,
        /// a coordinate's range or the curve equation is wrong (p is then undefined).
        /// </summary>
        public bool TryRead(byte[] text, int at, EdwardsPoint p)
        {
            if (!TryReadCoordinate(text, at, p.X) || !TryReadCoordinate(text, at + 64, p.Y)) return false;
            Field25519.SetOne(p.Z);
            Field25519Products.Multiply(p.T, p.X, p.Y);

            // y^2 - x^2 - 1 - d (xy)^2 must vanish.
            Field25519Products.Square(_xx, p.X);
            Field25519Products.Square(_yy, p.Y);
            Field25519Products.Square(_check, p.T);
            Field25519Products.Multiply(_check, _check, Curve25519Constants.D);
            Field25519.Add(_check, _check, _xx);
            Field25519.Subtract(_check, _yy, _check);
            _check[0] -= 1;
            return Field25519Encoding.IsZero(_check, _scratch);
        }

        // 64 lowercase hex digits of a little-endian value below p = 2^255 - 19 (bit 255 clear).
        private bool TryReadCoordinate(byte[] text, int at, int[] element)
        {
            byte[] bytes = _bytes;
            for (int i = 0; i < 32; i++)
            {
                int high = Hex.Value(text[at + 2 * i]);
                int low = Hex.Value(text[at + 2 * i + 1]);
                if ((high | low) < 0) return false;
                bytes[i] = (byte)((high << 4) | low);
            }
            if ((bytes[31] & 0x80) != 0 || !EdwardsPointCodec.IsCanonicalPointEncoding(bytes, 0)) return false;
            Field25519.FromBytes(element, bytes, 0);
            return true;
        }
    }
}
