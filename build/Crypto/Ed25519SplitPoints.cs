using System.Collections.Concurrent;
using System.Numerics;

namespace SecureOta.Build.Crypto;

/// <summary>
/// The <c>split</c> member of a root key (docs/PROTOCOL.md section 5): the points 2^64 A, 2^128 A and 2^192 A of
/// an Ed25519 public key A, each as its affine x then y, 32 bytes little-endian, below p: 192 bytes. A device
/// builds the key's prepared table from them without the 192 doublings it would otherwise pay once per key.
/// <para>
/// Wrong points would make every device refuse every signature under the key, so each point is computed twice,
/// by independent formulas in BigInteger arithmetic (RFC 8032's dedicated doubling, and its unified addition of
/// a point to itself), the two results compared, and each checked on the curve; a disagreement throws. Public
/// values only, variable time. Results are remembered per key (a build signs many roots with the same keys).
/// </para>
/// </summary>
public static class Ed25519SplitPoints
{
    /// <summary>Bytes of the member: three points of two 32-byte coordinates.</summary>
    public const int Size = 3 * 64;

    private static readonly BigInteger P = (BigInteger.One << 255) - 19;
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);
    private static readonly ConcurrentDictionary<string, byte[]?> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// The 192 bytes for <paramref name="publicKey"/>, or null when the 32 bytes are not the canonical encoding of a
    /// curve point (no multiple of it exists; such a key can never sign anyway).
    /// </summary>
    public static byte[]? Compute(byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Length != Ed25519KeyPair.PublicKeySize)
            throw new ArgumentException($"An Ed25519 public key is {Ed25519KeyPair.PublicKeySize} bytes.", nameof(publicKey));
        byte[]? points = Known.GetOrAdd(Convert.ToHexStringLower(publicKey), _ => ComputeChecked(publicKey));
        return points is null ? null : (byte[])points.Clone();
    }

    private static byte[]? ComputeChecked(byte[] publicKey)
    {
        if (Decode(publicKey) is not var (x, y)) return null;
        var output = new byte[Size];
        var doubled = (X: x, Y: y, Z: BigInteger.One, T: Mod(x * y));
        var added = doubled;
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < 64; i++)
            {
                doubled = Double(doubled);
                added = Add(added, added);
            }
            var (ax, ay) = Affine(doubled.X, doubled.Y, doubled.Z);
            var (bx, by) = Affine(added.X, added.Y, added.Z);
            if (ax != bx || ay != by)
                throw new InvalidOperationException($"2^{64 * (c + 1)} A computed by doubling and by addition differ for key {Convert.ToHexStringLower(publicKey)}.");
            if (!IsOnCurve(ax, ay))
                throw new InvalidOperationException($"2^{64 * (c + 1)} A of key {Convert.ToHexStringLower(publicKey)} is not on the curve.");
            Write(ax, output, 64 * c);
            Write(ay, output, 64 * c + 32);
        }
        return output;
    }

    /// <summary>RFC 8032 section 5.1.3, strict: y below p, and a sign bit on x = 0 refused.</summary>
    private static (BigInteger X, BigInteger Y)? Decode(byte[] encoding)
    {
        var raw = new BigInteger(encoding, isUnsigned: true);
        bool negative = (raw >> 255) == 1;
        BigInteger y = raw & ((BigInteger.One << 255) - 1);
        if (y >= P) return null;
        BigInteger u = Mod(y * y - 1), v = Mod(D * y * y + 1);
        BigInteger x = Mod(u * BigInteger.ModPow(v, 3, P) * BigInteger.ModPow(Mod(u * BigInteger.ModPow(v, 7, P)), (P - 5) / 8, P));
        if (Mod(v * x * x - u) != 0)
        {
            if (Mod(v * x * x + u) != 0) return null;
            x = Mod(x * SqrtMinusOne);
        }
        if (x == 0 && negative) return null;
        if (!x.IsEven != negative) x = Mod(-x);
        return (x, y);
    }

    // Doubling for a = -1 (RFC 8032 section 5.1.4, "dbl-2008-hwcd").
    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) Double((BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) p)
    {
        BigInteger a = Mod(p.X * p.X), b = Mod(p.Y * p.Y), c = Mod(2 * p.Z * p.Z);
        BigInteger h = a + b, e = Mod(h - (p.X + p.Y) * (p.X + p.Y)), g = a - b, f = c + g;
        return (Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    // Unified addition (RFC 8032 section 5.1.4), here of a point to itself.
    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) Add((BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) p,
        (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) q)
    {
        BigInteger a = Mod((p.Y - p.X) * (q.Y - q.X)), b = Mod((p.Y + p.X) * (q.Y + q.X));
        BigInteger c = Mod(2 * D * p.T * q.T), d = Mod(2 * p.Z * q.Z);
        BigInteger e = b - a, f = d - c, g = d + c, h = b + a;
        return (Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static (BigInteger X, BigInteger Y) Affine(BigInteger x, BigInteger y, BigInteger z)
    {
        BigInteger inverse = Inverse(z);
        return (Mod(x * inverse), Mod(y * inverse));
    }

    private static bool IsOnCurve(BigInteger x, BigInteger y) => Mod(y * y - x * x - 1 - D * x * x * y * y) == 0;

    private static void Write(BigInteger value, byte[] output, int offset)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Copy(bytes, 0, output, offset, bytes.Length);
    }

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger r = value % P;
        return r.Sign < 0 ? r + P : r;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);
}
