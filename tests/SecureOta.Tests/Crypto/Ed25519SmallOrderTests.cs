using System.Numerics;
using System.Text;
using SecureOta.Device.Core.Crypto;
using static SecureOta.Tests.Crypto.ReferenceEd25519;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// Signatures built to satisfy the verification equation through small-order points. Each test first
/// shows, with the reference arithmetic, that a verifier without libsodium's extra checks would accept
/// the forgery, then that the managed verifier rejects it.
/// </summary>
public class Ed25519SmallOrderTests
{
    private static readonly Point[] SmallOrder = SmallOrderPoints();
    private static readonly byte[] ForgedMessage = Encoding.UTF8.GetBytes("any message at all");

    [Fact]
    public void Small_order_points_found_by_the_reference_all_have_order_dividing_8()
    {
        Assert.Equal(8, SmallOrder.Distinct().Count());
        Assert.All(SmallOrder, q => Assert.Equal(Identity, Multiply(8, q)));
    }

    [Fact]
    public void Rejects_small_order_R_even_when_the_cofactorless_equation_holds()
    {
        // Key A = [a]B + T (T of order 8): canonical and not itself of small order, so it passes the
        // key checks. With S = h a, [S]B - [h]A = -[h]T, a small-order point: pick R = -[k]T and search
        // messages until h = k mod 8.
        var random = new Random(1);
        BigInteger a = RandomScalar(random);
        byte[] key = Encode(Add(Multiply(a, BasePoint), SmallOrder[1]));

        for (int k = 0; k < 8; k++)
        {
            byte[] r = Encode(Negate(SmallOrder[k]));
            (byte[] message, BigInteger h) = FindMessage(r, key, h => h % 8 == k);
            byte[] signature = [.. r, .. ToBytes32(Mod(h * a, L))];

            Assert.True(CofactorlessEquationHolds(key, signature, message), $"k = {k}");
            Assert.False(Ed25519.Verify(key, signature, message, 0, message.Length), $"k = {k}");
        }
    }

    [Fact]
    public void Rejects_every_encoding_of_a_small_order_public_key_even_when_a_forgery_satisfies_the_equation()
    {
        // A small-order key Q lets anyone sign: R = [s]B - [c]Q verifies once h = c mod ord(Q). The
        // encodings cover y = 0, 1, -1 and both order-8 y, their non-canonical forms y = p, p + 1, and
        // both sign bits (x = 0 with the sign bit set is the "negative zero" encoding).
        var random = new Random(2);
        var ys = SmallOrder.Select(q => q.Y).Distinct().Concat([P, P + 1]).ToList();
        Assert.Equal(7, ys.Count);

        foreach (BigInteger y in ys)
        {
            foreach (bool signBit in new[] { false, true })
            {
                byte[] key = ToBytes32(y);
                if (signBit) key[31] |= 0x80;
                Point q = Decode(key) ?? throw new InvalidOperationException("every small-order y decodes");
                byte[] signature = ForgeForSmallOrderKey(key, q, random);

                Assert.True(CofactorlessEquationHolds(key, signature, ForgedMessage), Convert.ToHexString(key));
                Assert.False(Ed25519.Verify(key, signature, ForgedMessage, 0, ForgedMessage.Length), Convert.ToHexString(key));
            }
        }
    }

    [Fact]
    public void Accepts_mixed_order_key_when_the_cofactorless_equation_holds_as_libsodium_does()
    {
        // libsodium 1.0.18 refuses small-order keys but not keys with a small-order component. An honest
        // signature under A = [a]B + T verifies cofactorlessly exactly when [h]T vanishes (h = 0 mod 8).
        var random = new Random(3);
        BigInteger a = RandomScalar(random);
        byte[] key = Encode(Add(Multiply(a, BasePoint), SmallOrder[1]));
        BigInteger nonce = RandomScalar(random);
        byte[] r = Encode(Multiply(nonce, BasePoint));
        (byte[] message, _) = FindMessage(r, key, h => h % 8 == 0);
        byte[] signature = Sign(a, nonce, key, message);

        Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length));
    }

    [Fact]
    public void Rejects_mixed_order_key_signature_that_only_a_cofactored_verifier_accepts()
    {
        var random = new Random(4);
        BigInteger a = RandomScalar(random);
        byte[] key = Encode(Add(Multiply(a, BasePoint), SmallOrder[1]));
        BigInteger nonce = RandomScalar(random);
        byte[] r = Encode(Multiply(nonce, BasePoint));
        (byte[] message, _) = FindMessage(r, key, h => h % 8 != 0);
        byte[] signature = Sign(a, nonce, key, message);

        Assert.True(CofactoredEquationHolds(key, signature, message));
        Assert.False(Ed25519.Verify(key, signature, message, 0, message.Length));
    }

    [Fact]
    public void Accepts_honest_signatures_from_the_reference_signer()
    {
        // Positive control for the constructions above: the reference signs the way RFC 8032 does.
        var random = new Random(5);
        for (int i = 0; i < 8; i++)
        {
            BigInteger a = RandomScalar(random);
            byte[] key = Encode(Multiply(a, BasePoint));
            byte[] message = Encoding.UTF8.GetBytes($"reference message {i}");
            byte[] signature = Sign(a, RandomScalar(random), key, message);

            Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length));
        }
    }

    // The message is fixed; the search varies s (and so R, and so h) instead.
    private static byte[] ForgeForSmallOrderKey(byte[] key, Point q, Random random)
    {
        BigInteger s = RandomScalar(random);
        Point sB = Multiply(s, BasePoint);
        for (int attempt = 0; ; attempt++)
        {
            int c = attempt % 8;
            byte[] r = Encode(Add(sB, Negate(Multiply(c, q))));
            byte[] candidate = [.. r, .. ToBytes32(s)];
            BigInteger h = Challenge(r, key, ForgedMessage);
            if (Multiply(h % 8, q) == Multiply(c, q)) return candidate;
            s += 1; // new R, new h
            sB = Add(sB, BasePoint);
        }
    }

    private static (byte[] Message, BigInteger H) FindMessage(byte[] r, byte[] key, Func<BigInteger, bool> accept)
    {
        for (int counter = 0; ; counter++)
        {
            byte[] message = Encoding.UTF8.GetBytes($"message {counter}");
            BigInteger h = Challenge(r, key, message);
            if (accept(h)) return (message, h);
        }
    }
}
