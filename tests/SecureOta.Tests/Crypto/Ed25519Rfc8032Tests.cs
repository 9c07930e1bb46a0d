using System.Numerics;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Tests.Crypto;

public class Ed25519Rfc8032Tests
{
    public static TheoryData<string> VectorNames => new(Rfc8032Vectors.All.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Verifies_rfc8032_section_7_1_vector(string name)
    {
        var vector = Rfc8032Vectors.ByName(name);

        Assert.True(Ed25519.Verify(vector.PublicKey, vector.Signature, vector.Message, 0, vector.Message.Length));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Rejects_signature_with_any_single_flipped_bit(string name)
    {
        var vector = Rfc8032Vectors.ByName(name);

        for (int bit = 0; bit < Ed25519.SignatureSize * 8; bit++)
        {
            byte[] signature = FlipBit(vector.Signature, bit);
            Assert.False(Ed25519.Verify(vector.PublicKey, signature, vector.Message, 0, vector.Message.Length), $"bit {bit}");
        }
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Rejects_public_key_with_any_single_flipped_bit(string name)
    {
        var vector = Rfc8032Vectors.ByName(name);

        for (int bit = 0; bit < Ed25519.PublicKeySize * 8; bit++)
        {
            byte[] key = FlipBit(vector.PublicKey, bit);
            Assert.False(Ed25519.Verify(key, vector.Signature, vector.Message, 0, vector.Message.Length), $"bit {bit}");
        }
    }

    [Theory]
    [InlineData("TEST 2")]
    [InlineData("TEST 3")]
    [InlineData("TEST SHA(abc)")]
    public void Rejects_message_with_any_single_flipped_bit(string name)
    {
        var vector = Rfc8032Vectors.ByName(name);

        for (int bit = 0; bit < vector.Message.Length * 8; bit++)
        {
            byte[] message = FlipBit(vector.Message, bit);
            Assert.False(Ed25519.Verify(vector.PublicKey, vector.Signature, message, 0, message.Length), $"bit {bit}");
        }
    }

    [Fact]
    public void Rejects_message_with_an_appended_or_dropped_byte()
    {
        var vector = Rfc8032Vectors.Test3;
        byte[] longer = [.. vector.Message, 0];

        Assert.False(Ed25519.Verify(vector.PublicKey, vector.Signature, longer, 0, longer.Length));
        Assert.False(Ed25519.Verify(vector.PublicKey, vector.Signature, vector.Message, 0, vector.Message.Length - 1));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Rejects_malleated_signature_whose_S_has_the_group_order_added(string name)
    {
        // [S + L]B = [S]B, so only the S < L rule stops this second, key-less "signature".
        var vector = Rfc8032Vectors.ByName(name);
        var s = new BigInteger(vector.Signature.AsSpan(32), isUnsigned: true);
        byte[] malleated = [.. vector.Signature.AsSpan(0, 32), .. ReferenceEd25519.ToBytes32(s + ReferenceEd25519.L)];

        Assert.False(Ed25519.Verify(vector.PublicKey, malleated, vector.Message, 0, vector.Message.Length));
    }

    [Fact]
    public void Verifies_a_message_lying_inside_a_larger_buffer()
    {
        var vector = Rfc8032Vectors.Test1024;
        byte[] buffer = [1, 2, 3, .. vector.Message, 4, 5];

        Assert.True(Ed25519.Verify(vector.PublicKey, vector.Signature, buffer, 3, vector.Message.Length));
        Assert.False(Ed25519.Verify(vector.PublicKey, vector.Signature, buffer, 2, vector.Message.Length));
    }

    [Fact]
    public void Rejects_a_valid_signature_presented_with_another_key()
    {
        var vector = Rfc8032Vectors.Test2;

        Assert.False(Ed25519.Verify(Rfc8032Vectors.Test3.PublicKey, vector.Signature, vector.Message, 0, vector.Message.Length));
    }

    [Fact]
    public void Throws_on_misuse_null_or_wrong_length_arguments()
    {
        var v = Rfc8032Vectors.Test2;

        Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(null!, v.Signature, v.Message, 0, 1));
        Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(v.PublicKey, null!, v.Message, 0, 1));
        Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(v.PublicKey, v.Signature, null!, 0, 0));
        Assert.Throws<ArgumentException>(() => Ed25519.Verify(v.PublicKey[..31], v.Signature, v.Message, 0, 1));
        Assert.Throws<ArgumentException>(() => Ed25519.Verify([.. v.PublicKey, 0], v.Signature, v.Message, 0, 1));
        Assert.Throws<ArgumentException>(() => Ed25519.Verify(v.PublicKey, v.Signature[..63], v.Message, 0, 1));
        Assert.Throws<ArgumentException>(() => Ed25519.Verify(v.PublicKey, [.. v.Signature, 0], v.Message, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(v.PublicKey, v.Signature, v.Message, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(v.PublicKey, v.Signature, v.Message, -1, 1));
    }

    [Fact]
    public void Returns_false_without_throwing_for_hostile_bytes()
    {
        var random = new Random(8032);
        byte[] message = [1, 2, 3];
        var hostile = new List<(byte[] Key, byte[] Signature)>
        {
            (new byte[32], new byte[64]),
            (Filled(32, 0xff), Filled(64, 0xff)),
            (Rfc8032Vectors.Test1.PublicKey, Filled(64, 0xff)),
            (Filled(32, 0xff), Rfc8032Vectors.Test1.Signature),
        };
        for (int i = 0; i < 300; i++)
        {
            byte[] key = new byte[32];
            byte[] signature = new byte[64];
            random.NextBytes(key);
            random.NextBytes(signature);
            signature[63] &= 0x0f; // mostly canonical S, so the checks past the S range run
            hostile.Add((key, signature));
            hostile.Add((Rfc8032Vectors.Test1.PublicKey, signature));
        }

        foreach (var (key, signature) in hostile)
        {
            Assert.False(Ed25519.Verify(key, signature, message, 0, message.Length));
        }
    }

    private static byte[] FlipBit(byte[] value, int bit)
    {
        byte[] copy = (byte[])value.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[] Filled(int length, byte value)
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
