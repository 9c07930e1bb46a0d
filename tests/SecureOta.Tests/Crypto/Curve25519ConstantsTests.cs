using System.Numerics;
using System.Reflection;
using SecureOta.Device.Core.Crypto;
using static SecureOta.Tests.Crypto.ReferenceEd25519;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// The device core types its curve constants and the base point's table in as limbs (so a boot computes
/// nothing): every limb must equal what the definitions give, recomputed here in BigInteger arithmetic.
/// The arrays are internal, so they are read by reflection.
/// </summary>
public class Curve25519ConstantsTests
{
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);

    private static int[] InternalArray(string typeName, string fieldName)
    {
        var type = typeof(Ed25519).Assembly.GetType("SecureOta.Device.Core.Crypto." + typeName, throwOnError: true)!;
        var field = type.GetField(fieldName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeName}.{fieldName} is missing");
        return (int[])field.GetValue(null)!;
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

    [Fact]
    public void Curve_constants_are_d_2d_and_a_square_root_of_minus_one()
    {
        Assert.Equal(Limbs(D), InternalArray("Curve25519Constants", "D"));
        Assert.Equal(Limbs(2 * D), InternalArray("Curve25519Constants", "TwoD"));
        Assert.Equal(Limbs(SqrtMinusOne), InternalArray("Curve25519Constants", "SqrtMinusOne"));
        Assert.Equal(P - 1, BigInteger.ModPow(SqrtMinusOne, 2, P));
    }

    [Fact]
    public void Base_point_table_holds_the_odd_multiples_of_B_and_its_2_to_64c_multiples()
    {
        int[] entries = InternalArray("EdwardsBasePointTable", "Entries");
        Assert.Equal(4 * 8 * 30, entries.Length);
        for (int c = 0; c < 4; c++)
        {
            for (int k = 0; k < 8; k++)
            {
                var point = Multiply((2 * k + 1) * (BigInteger.One << (64 * c)), BasePoint);
                int offset = (c * 8 + k) * 30;
                Assert.Equal(Limbs(point.Y + point.X), entries[offset..(offset + 10)]);
                Assert.Equal(Limbs(point.Y - point.X), entries[(offset + 10)..(offset + 20)]);
                Assert.Equal(Limbs(2 * D * point.X * point.Y), entries[(offset + 20)..(offset + 30)]);
            }
        }
    }
}
