using System.Numerics;
using System.Security.Cryptography;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// A deliberately naive edwards25519 in BigInteger affine coordinates, written from RFC 8032's
/// definitions, used only to build adversarial signatures (small-order and mixed-order points) that the
/// managed verifier must reject, and to show that those signatures really satisfy the equation a laxer
/// verifier checks. Slow and not constant time: test use only.
/// </summary>
internal static class ReferenceEd25519
{
    public static readonly BigInteger P = (BigInteger.One << 255) - 19;
    public static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    public static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);

    public readonly record struct Point(BigInteger X, BigInteger Y);

    public static readonly Point Identity = new(0, 1);

    public static readonly Point BasePoint = Decode(ToBytes32(Mod(4 * Inverse(5))))!.Value;

    public static Point Add(Point a, Point b)
    {
        BigInteger t = Mod(D * a.X * b.X * a.Y * b.Y);
        BigInteger x = Mod((a.X * b.Y + b.X * a.Y) * Inverse(1 + t));
        BigInteger y = Mod((a.Y * b.Y + a.X * b.X) * Inverse(1 - t));
        return new Point(x, y);
    }

    public static Point Negate(Point a) => new(Mod(-a.X), a.Y);

    public static Point Multiply(BigInteger k, Point a)
    {
        // Double-and-add in extended coordinates (x = X/Z, y = Y/Z, xy = T/Z) with RFC 8032's complete
        // addition formula, so only the final normalisation pays for an inversion.
        if (k.Sign < 0) throw new ArgumentOutOfRangeException(nameof(k));
        var point = (X: a.X, Y: a.Y, Z: BigInteger.One, T: Mod(a.X * a.Y));
        var result = (X: BigInteger.Zero, Y: BigInteger.One, Z: BigInteger.One, T: BigInteger.Zero);
        for (int bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = AddExtended(result, result);
            if (!(k >> bit).IsEven) result = AddExtended(result, point);
        }
        BigInteger inverseZ = Inverse(result.Z);
        return new Point(Mod(result.X * inverseZ), Mod(result.Y * inverseZ));
    }

    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) AddExtended(
        (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) p, (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) q)
    {
        BigInteger a = Mod((p.Y - p.X) * (q.Y - q.X));
        BigInteger b = Mod((p.Y + p.X) * (q.Y + q.X));
        BigInteger c = Mod(2 * D * p.T * q.T);
        BigInteger d = Mod(2 * p.Z * q.Z);
        BigInteger e = b - a, f = d - c, g = d + c, h = b + a;
        return (Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    public static byte[] Encode(Point a)
    {
        byte[] bytes = ToBytes32(a.Y);
        if (!a.X.IsEven) bytes[31] |= 0x80;
        return bytes;
    }

    /// <summary>Lenient decoding, as libsodium's ge25519_frombytes: y taken mod p, x = 0 kept whatever the sign bit.</summary>
    public static Point? Decode(byte[] encoding)
    {
        BigInteger raw = new(encoding, isUnsigned: true);
        bool negative = (raw >> 255) == 1;
        BigInteger y = Mod(raw & ((BigInteger.One << 255) - 1));
        BigInteger xSquared = Mod((y * y - 1) * Inverse(D * y * y + 1));
        BigInteger x = BigInteger.ModPow(xSquared, (P + 3) / 8, P);
        if (Mod(x * x - xSquared) != 0) x = Mod(x * SqrtMinusOne);
        if (Mod(x * x - xSquared) != 0) return null;
        if (!x.IsEven != negative) x = Mod(-x);
        return new Point(x, y);
    }

    /// <summary>The 8 points of order dividing 8, as [k]T for a point T of order 8, k = 0..7.</summary>
    public static Point[] SmallOrderPoints()
    {
        for (int candidate = 2; ; candidate++)
        {
            Point? point = Decode(ToBytes32(candidate));
            if (point is null) continue;
            Point torsion = Multiply(L, point.Value); // kills the prime-order part
            if (Multiply(4, torsion) == Identity) continue; // order below 8
            var points = new Point[8];
            points[0] = Identity;
            for (int k = 1; k < 8; k++) points[k] = Add(points[k - 1], torsion);
            return points;
        }
    }

    /// <summary>h = SHA-512(R || A || M) mod L, read little-endian.</summary>
    public static BigInteger Challenge(byte[] r, byte[] publicKey, byte[] message)
    {
        byte[] digest = SHA512.HashData([.. r, .. publicKey, .. message]);
        return new BigInteger(digest, isUnsigned: true) % L;
    }

    /// <summary>A signature (R = [r]B, S = r + h a) for the key with secret scalar a whose encoding is publicKey.</summary>
    public static byte[] Sign(BigInteger secretScalar, BigInteger nonce, byte[] publicKey, byte[] message)
    {
        byte[] r = Encode(Multiply(nonce, BasePoint));
        BigInteger h = Challenge(r, publicKey, message);
        return [.. r, .. ToBytes32(Mod(nonce + h * secretScalar, L))];
    }

    /// <summary>The cofactorless equation a lax verifier checks: encode([S]B - [h]A) == R, with A decoded leniently and S unrestricted.</summary>
    public static bool CofactorlessEquationHolds(byte[] publicKey, byte[] signature, byte[] message)
    {
        Point? a = Decode(publicKey);
        if (a is null) return false;
        byte[] r = signature[..32];
        BigInteger s = new(signature.AsSpan(32), isUnsigned: true);
        BigInteger h = Challenge(r, publicKey, message);
        Point check = Add(Multiply(s, BasePoint), Negate(Multiply(h, a.Value)));
        return Encode(check).AsSpan().SequenceEqual(r);
    }

    /// <summary>The cofactored equation [8][S]B == [8]R + [8][h]A of RFC 8032's permissive variant.</summary>
    public static bool CofactoredEquationHolds(byte[] publicKey, byte[] signature, byte[] message)
    {
        Point? a = Decode(publicKey);
        Point? r = Decode(signature[..32]);
        if (a is null || r is null) return false;
        BigInteger s = new(signature.AsSpan(32), isUnsigned: true);
        BigInteger h = Challenge(signature[..32], publicKey, message);
        Point left = Multiply(8 * s, BasePoint);
        Point right = Multiply(8, Add(r.Value, Multiply(h, a.Value)));
        return left == right;
    }

    public static BigInteger RandomScalar(Random random)
    {
        byte[] bytes = new byte[64];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % L;
    }

    public static byte[] ToBytes32(BigInteger value)
    {
        byte[] bytes = new byte[32];
        if (!value.TryWriteBytes(bytes, out _, isUnsigned: true)) throw new ArgumentOutOfRangeException(nameof(value));
        return bytes;
    }

    public static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        BigInteger r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    private static BigInteger Mod(BigInteger value) => Mod(value, P);

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);
}
