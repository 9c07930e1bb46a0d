using System.Numerics;
using System.Reflection;
using SecureOta.Device.Core.Crypto;
using static SecureOta.Tests.Crypto.ReferenceEd25519;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// The device's variable-time inversion (Field25519VariableTimeInversion: Lehmer's Euclid, with Fermat
/// for the z its batches cannot take; what X25519 ends with, blinded, and what Ed25519 encodes a point
/// with) against BigInteger's z^(p-2), on seeded random elements and on the values that stress a gcd:
/// small, near p, powers of two, long runs of equal bits, huge partial quotients, and limbs outside the
/// canonical ranges (what a product or a sum hands over). The types are internal, so they are reached by
/// reflection.
/// </summary>
public class Field25519VariableTimeInversionTests
{
    private static readonly Type InversionType = DeviceType("Field25519VariableTimeInversion");
    private static readonly MethodInfo EuclidInvert = InversionType.GetMethod("Invert", BindingFlags.Public | BindingFlags.Static)!;
    private static readonly Type WorkspaceType = DeviceType("Field25519Workspace");

    private static Type DeviceType(string name) =>
        typeof(X25519).Assembly.GetType("SecureOta.Device.Core.Crypto." + name, throwOnError: true)!;

    [Fact]
    public void Inverts_random_elements_as_z_to_the_p_minus_2_does()
    {
        var random = new Random(2019);
        var mismatches = new List<string>();
        byte[] bytes = new byte[32];

        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            bytes[31] &= 0x7f;
            var z = Mod(new BigInteger(bytes, isUnsigned: true), P);
            Check(Limbs(z), z, mismatches);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Inverts_gcd_stressing_values_small_near_p_powers_of_two_and_bit_runs()
    {
        var mismatches = new List<string>();
        var values = new List<BigInteger>();
        for (int k = 1; k <= 40; k++)
        {
            values.Add(k);
            values.Add(P - k);
        }
        for (int k = 0; k < 255; k++)
        {
            values.Add(BigInteger.One << k);
            values.Add((BigInteger.One << k) - 1);
            values.Add(P - (BigInteger.One << k));
        }
        values.Add((P - 1) / 2);
        values.Add((P + 1) / 2);
        values.Add(BigInteger.Parse("0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", System.Globalization.NumberStyles.HexNumber));
        values.Add(BigInteger.Parse("05555555555555555555555555555555555555555555555555555555555555555", System.Globalization.NumberStyles.HexNumber));

        foreach (var value in values)
        {
            var z = Mod(value, P);
            if (z.IsZero) continue;
            Check(Limbs(z), z, mismatches);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Inverts_values_whose_euclid_expansion_has_a_huge_partial_quotient_anywhere()
    {
        // z = round(p a / b) follows the expansion of b / a and then meets a partial quotient of about
        // p / b^2: with b from 2^8 to 2^126 that quotient lands in every batch, from far above the 2^30 a batch
        // can take (Fermat's fallback) to just below it (a batch's first step near its limit).
        var random = new Random(1993);
        var mismatches = new List<string>();
        for (int bits = 8; bits <= 126; bits++)
        {
            for (int i = 0; i < 4; i++)
            {
                var b = RandomBelow(random, BigInteger.One << bits) | (BigInteger.One << (bits - 1));
                var a = RandomBelow(random, b - 1) + 1;
                var z = Mod((P * a + b / 2) / b + (i - 2), P);
                if (z.IsZero) continue;
                Check(Limbs(z), z, mismatches);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Inverts_elements_whose_limbs_lie_outside_the_canonical_ranges()
    {
        // Product outputs leave limb 1 above 2^25 and sums or differences leave limbs up to a few times
        // their width, negative too: the inversion must accept what the ladder hands over.
        var random = new Random(255);
        var mismatches = new List<string>();

        for (int i = 0; i < 1000; i++)
        {
            int[] limbs = new int[10];
            for (int l = 0; l < 10; l++)
            {
                int width = l % 2 == 0 ? 26 : 25;
                limbs[l] = random.Next(4) switch
                {
                    0 => (1 << width) - 1,                       // at the top of its range
                    1 => -((1 << width) - 1),                    // a difference's most negative
                    2 => random.Next(-(1 << (width + 2)), 1 << (width + 2)),
                    _ => random.Next(0, 1 << width),
                };
            }
            Check(limbs, Value(limbs), mismatches);
        }
        int[] allMax = { 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff };
        Check(allMax, Value(allMax), mismatches); // 2^255 - 1 = 18 mod p

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Maps_zero_and_every_form_of_p_to_zero()
    {
        int[] scratch = new int[10];
        int[] pLimbs = { 0x3ffffed, 0x1ffffff, 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff, 0x3ffffff, 0x1ffffff };
        int[] minusP = pLimbs.Select(l => -l).ToArray();

        foreach (int[] zero in new[] { new int[10], pLimbs, minusP })
        {
            int[] h = Enumerable.Repeat(7, 10).ToArray();
            Invoke(h, (int[])zero.Clone(), scratch);
            Assert.Equal(BigInteger.Zero, Mod(Value(h), P));
        }
    }

    [Fact]
    public void Accepts_its_output_as_its_input_and_leaves_a_separate_input_unchanged()
    {
        var z = BigInteger.Parse("1234567890123456789012345678901234567890");
        int[] input = Limbs(z);
        int[] copy = (int[])input.Clone();
        int[] separate = new int[10];

        Invoke(separate, input, new int[10]);
        Invoke(input, input, new int[10]);

        Assert.Equal(copy, Limbs(z));
        Assert.Equal(Mod(Value(separate), P), Mod(Value(input), P));
        Assert.Equal(BigInteger.One, Mod(Value(input) * z, P));
    }

    private static void Check(int[] limbs, BigInteger z, List<string> mismatches)
    {
        var expected = BigInteger.ModPow(Mod(z, P), P - 2, P);
        int[] inverse = new int[10], scratch = new int[10];
        Invoke(inverse, (int[])limbs.Clone(), scratch);

        var got = Mod(Value(inverse), P);
        if (got != expected) mismatches.Add($"z = {z}: got {got}, expected {expected}");
        // The output feeds a product: its limbs must stay in a multiplicand's range.
        if (inverse.Any(l => Math.Abs((long)l) > (1L << 27))) mismatches.Add($"z = {z}: limbs out of range");
    }

    private static void Invoke(int[] h, int[] z, int[] scratch) =>
        EuclidInvert.Invoke(null, [h, z, scratch, Activator.CreateInstance(WorkspaceType, nonPublic: true)!]);

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[bound.GetByteCount(isUnsigned: true) + 8];
        random.NextBytes(bytes);
        return Mod(new BigInteger(bytes, isUnsigned: true), bound);
    }

    // Canonical limbs of a value below p: limb i holds the bits from ceil(25.5 i), 26 or 25 of them.
    private static int[] Limbs(BigInteger value)
    {
        value = Mod(value, P);
        var limbs = new int[10];
        for (int i = 0; i < 10; i++)
        {
            int start = (51 * i + 1) / 2, width = i % 2 == 0 ? 26 : 25;
            limbs[i] = (int)((value >> start) & ((BigInteger.One << width) - 1));
        }
        return limbs;
    }

    private static BigInteger Value(int[] limbs)
    {
        BigInteger value = 0;
        for (int i = 0; i < 10; i++) value += (BigInteger)limbs[i] << ((51 * i + 1) / 2);
        return value;
    }
}
