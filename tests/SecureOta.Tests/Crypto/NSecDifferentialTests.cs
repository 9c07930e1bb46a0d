using System.Numerics;
using SecureOta.Build.Crypto;
using SecureOta.Device.Core.Crypto;
using static SecureOta.Tests.Crypto.ReferenceEd25519;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// The managed Ed25519 and X25519 against NSec, through the build's own key pairs (what the build signs
/// and wraps keys with: libsodium bundled with NSec) on thousands of seeded random inputs: the device
/// must accept exactly what the build's libsodium accepts.
/// Seeds are fixed so a failure reproduces; the counts keep the class to a few seconds.
/// </summary>
public class NSecDifferentialTests
{
    private const int SignatureCount = 1500;
    private const int X25519Count = 2000;

    [Fact]
    public void Managed_verify_accepts_every_nsec_signature_of_random_seeds_and_messages()
    {
        var random = new Random(25519);
        var rejected = new List<int>();

        for (int i = 0; i < SignatureCount; i++)
        {
            var (key, signature, message) = SignRandom(random);
            if (!Ed25519.Verify(key, signature, message, 0, message.Length)) rejected.Add(i);
        }

        Assert.Empty(rejected);
    }

    [Fact]
    public void Single_bit_flips_in_message_signature_and_key_get_the_same_verdict_from_both()
    {
        var random = new Random(8032);
        var disagreements = new List<string>();

        for (int i = 0; i < SignatureCount; i++)
        {
            var (key, signature, message) = SignRandom(random);
            if (message.Length > 0)
            {
                Compare(key, signature, FlipRandomBit(message, random), $"message flip {i}", disagreements);
            }
            Compare(key, FlipRandomBit(signature, random), message, $"signature flip {i}", disagreements);
            Compare(FlipRandomBit(key, random), signature, message, $"key flip {i}", disagreements);
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Every_single_bit_flip_of_one_signature_and_its_key_gets_the_same_verdict_from_both()
    {
        var (key, signature, message) = SignRandom(new Random(7));
        var disagreements = new List<string>();

        for (int bit = 0; bit < 512; bit++)
        {
            Compare(key, FlipBit(signature, bit), message, $"signature bit {bit}", disagreements);
        }
        for (int bit = 0; bit < 256; bit++)
        {
            Compare(FlipBit(key, bit), signature, message, $"key bit {bit}", disagreements);
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Agrees_with_nsec_on_small_order_mixed_order_and_non_canonical_edge_cases()
    {
        var random = new Random(1018);
        var disagreements = new List<string>();
        Point[] smallOrder = SmallOrderPoints();
        byte[] message = [0x4f, 0x54, 0x41];
        var (honestKey, honestSignature, honestMessage) = SignRandom(random);

        // Every encoding of a small-order point, both sign bits, canonical or not, as key and as R.
        var smallOrderEncodings = smallOrder.Select(q => q.Y).Distinct().Concat([P, P + 1])
            .SelectMany(y => new[] { ToBytes32(y), WithSignBit(ToBytes32(y)) }).ToList();
        foreach (byte[] encoding in smallOrderEncodings)
        {
            Compare(encoding, honestSignature, honestMessage, $"small-order key {Convert.ToHexString(encoding)}", disagreements);
            byte[] withSmallR = [.. encoding, .. honestSignature.AsSpan(32)];
            Compare(honestKey, withSmallR, honestMessage, $"small-order R {Convert.ToHexString(encoding)}", disagreements);
        }

        // Non-canonical key encodings: y in [p, 2^255), both signs.
        for (int excess = 0; excess < 19; excess++)
        {
            byte[] key = ToBytes32(P + excess);
            Compare(key, honestSignature, honestMessage, $"non-canonical key p+{excess}", disagreements);
            Compare(WithSignBit(key), honestSignature, honestMessage, $"non-canonical key -(p+{excess})", disagreements);
        }

        // S at and beyond the group order.
        var s = new BigInteger(honestSignature.AsSpan(32), isUnsigned: true);
        foreach (BigInteger badS in new[] { L, L + 1, s + L, (BigInteger.One << 256) - 1, L - 1 })
        {
            byte[] signature = [.. honestSignature.AsSpan(0, 32), .. ToBytes32(badS)];
            Compare(honestKey, signature, honestMessage, $"S = {badS}", disagreements);
        }

        // Mixed-order key A = [a]B + T: honest signatures verify cofactorlessly only when h = 0 mod 8.
        for (int i = 0; i < 16; i++)
        {
            BigInteger a = RandomScalar(random);
            byte[] key = Encode(Add(Multiply(a, BasePoint), smallOrder[1 + i % 7]));
            byte[] signature = Sign(a, RandomScalar(random), key, message);
            Compare(key, signature, message, $"mixed-order key {i}", disagreements);
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Managed_x25519_equals_nsec_on_random_scalars_and_points()
    {
        var random = new Random(7748);
        var mismatches = new List<int>();
        byte[] scalar = new byte[32], u = new byte[32], managed = new byte[32];

        for (int i = 0; i < X25519Count; i++)
        {
            random.NextBytes(scalar);
            random.NextBytes(u); // top bit and u >= p included: both must mask and reduce alike
            X25519.ScalarMult(managed, scalar, u);
            byte[]? native = NativeScalarMult(scalar, u);
            if (native is null || !managed.AsSpan().SequenceEqual(native)) mismatches.Add(i);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Managed_x25519_base_equals_nsec_on_random_scalars()
    {
        var random = new Random(9);
        var mismatches = new List<int>();
        byte[] scalar = new byte[32], managed = new byte[32];

        for (int i = 0; i < X25519Count / 4; i++)
        {
            random.NextBytes(scalar);
            X25519.ScalarMultBase(managed, scalar);
            using X25519KeyPair native = X25519KeyPair.FromPrivateKey(scalar);
            if (!managed.AsSpan().SequenceEqual(native.PublicKey)) mismatches.Add(i);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Managed_x25519_equals_nsec_on_extreme_points_and_swap_heavy_scalars()
    {
        // Points whose limbs start at their maxima (2^255 - 1 and just below), the values around p in
        // both forms, small u; scalars with every bit set, none, and alternating bits (a swap at every
        // ladder step) or long runs. Where libsodium refuses (low order), the device must give all zero.
        var points = new List<BigInteger>();
        for (int k = 0; k < 20; k++)
        {
            points.Add((BigInteger.One << 255) - 1 - k);
            points.Add(P - 1 - k);
            points.Add(k + 2);
        }
        var scalars = new List<byte[]>();
        foreach (byte fill in new byte[] { 0xff, 0x00, 0xaa, 0x55, 0x0f, 0xf0, 0x81 })
        {
            scalars.Add(Enumerable.Repeat(fill, 32).ToArray());
        }
        var random = new Random(19);
        for (int i = 0; i < 5; i++)
        {
            byte[] scalar = new byte[32];
            random.NextBytes(scalar);
            scalars.Add(scalar);
        }
        var mismatches = new List<string>();
        byte[] managed = new byte[32];

        foreach (BigInteger u in points)
        {
            byte[] point = ToBytes32(u);
            foreach (byte[] scalar in scalars)
            {
                X25519.ScalarMult(managed, scalar, point);
                byte[]? native = NativeScalarMult(scalar, point);
                bool same = native is null ? ConstantTime.IsZero(managed, 0, 32) : managed.AsSpan().SequenceEqual(native);
                if (!same) mismatches.Add($"u = {u}, scalar {Convert.ToHexString(scalar)}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Managed_x25519_equals_nsec_for_the_two_keys_whose_blinding_factor_is_small()
    {
        // The ladder starts blinded by r = k mod p for the clamped scalar k: the only clamped k from p up,
        // 2^255 - 16 and 2^255 - 8, give r = 3 and 11 (and every other k gives r = k). Whatever r is, the
        // result must not change; here r is small and the blinded Z is close to the unblinded one.
        var random = new Random(255);
        var mismatches = new List<string>();
        byte[] managed = new byte[32], u = new byte[32];
        foreach (byte low in new byte[] { 0xf0, 0xf8 })
        {
            byte[] scalar = Enumerable.Repeat((byte)0xff, 32).ToArray();
            scalar[0] = low;
            scalar[31] = 0x7f;
            for (int i = 0; i < 40; i++)
            {
                random.NextBytes(u);
                X25519.ScalarMult(managed, scalar, u);
                byte[]? native = NativeScalarMult(scalar, u);
                if (native is null || !managed.AsSpan().SequenceEqual(native)) mismatches.Add($"{low:x2}: u {Convert.ToHexString(u)}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Managed_x25519_gives_all_zero_exactly_where_nsec_refuses_a_low_order_point()
    {
        // Low-order u: 0, 1, p - 1, the two order-8 u, and the non-canonical forms u + p that fit in
        // 255 bits (bit 255 is masked, so larger ones would name a different u).
        var random = new Random(6);
        BigInteger[] lowOrderU =
        [
            0, 1, P - 1,
            BigInteger.Parse("325606250916557431795983626356110631294008115727848805560023387167927233504"),
            BigInteger.Parse("39382357235489614581723060781553021112529911719440698176882885853963445705823"),
        ];
        byte[] scalar = new byte[32], managed = new byte[32];

        foreach (BigInteger u in lowOrderU.Concat(lowOrderU.Select(u => u + P)).Where(u => u < BigInteger.One << 255))
        {
            random.NextBytes(scalar);
            byte[] point = ToBytes32(u);
            X25519.ScalarMult(managed, scalar, point);

            Assert.Null(NativeScalarMult(scalar, point));
            Assert.True(ConstantTime.IsZero(managed, 0, 32), $"u = {u}");
        }
    }

    private static (byte[] Key, byte[] Signature, byte[] Message) SignRandom(Random random)
    {
        byte[] seed = new byte[Ed25519KeyPair.SeedSize];
        random.NextBytes(seed);
        byte[] message = new byte[random.Next(0, 200)];
        random.NextBytes(message);
        using Ed25519KeyPair keyPair = Ed25519KeyPair.FromSeed(seed);
        return (keyPair.PublicKey, keyPair.Sign(message), message);
    }

    private static void Compare(byte[] key, byte[] signature, byte[] message, string what, List<string> disagreements)
    {
        bool native = Ed25519KeyPair.Verify(key, message, signature);
        bool managed = Ed25519.Verify(key, signature, message, 0, message.Length);
        if (native != managed) disagreements.Add($"{what}: NSec {native}, managed {managed}");
    }

    /// <summary>X25519 of any scalar and u through the build's key pair; null where libsodium refuses an all-zero result.</summary>
    private static byte[]? NativeScalarMult(byte[] scalar, byte[] u)
    {
        using X25519KeyPair keyPair = X25519KeyPair.FromPrivateKey(scalar);
        try
        {
            return keyPair.SharedSecret(u);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static byte[] FlipRandomBit(byte[] value, Random random) => FlipBit(value, random.Next(value.Length * 8));

    private static byte[] FlipBit(byte[] value, int bit)
    {
        byte[] copy = (byte[])value.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[] WithSignBit(byte[] encoding)
    {
        byte[] copy = (byte[])encoding.Clone();
        copy[31] |= 0x80;
        return copy;
    }
}
