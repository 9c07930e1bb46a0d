using SecureOta.Device.Core.Crypto;

namespace SecureOta.Tests.Crypto;

public class X25519Rfc7748Tests
{
    [Theory]
    [InlineData(
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData( // u has bit 255 set: it must be masked, not reduced
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void Computes_rfc7748_section_5_2_vectors(string scalar, string u, string expected)
    {
        byte[] output = new byte[32];

        X25519.ScalarMult(output, Convert.FromHexString(scalar), Convert.FromHexString(u));

        Assert.Equal(expected, Convert.ToHexStringLower(output));
    }

    [Fact]
    public void Computes_rfc7748_section_5_2_iterated_vector_after_1_and_1000_rounds()
    {
        // k = u = 9; then repeatedly (k, u) = (X25519(k, u), k). The 1,000,000-round value is left out:
        // about two minutes of ladder on a test machine.
        byte[] k = new byte[32];
        byte[] u = new byte[32];
        k[0] = 9;
        u[0] = 9;
        string? afterOne = null;

        for (int round = 1; round <= 1000; round++)
        {
            byte[] next = new byte[32];
            X25519.ScalarMult(next, k, u);
            u = k;
            k = next;
            if (round == 1) afterOne = Convert.ToHexStringLower(k);
        }

        Assert.Equal("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", afterOne);
        Assert.Equal("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", Convert.ToHexStringLower(k));
    }

    [Fact]
    public void Derives_rfc7748_section_6_1_public_keys_and_shared_secret()
    {
        byte[] alicePrivate = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate = Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePublic = new byte[32];
        byte[] bobPublic = new byte[32];
        byte[] aliceShared = new byte[32];
        byte[] bobShared = new byte[32];

        X25519.ScalarMultBase(alicePublic, alicePrivate);
        X25519.ScalarMultBase(bobPublic, bobPrivate);
        X25519.ScalarMult(aliceShared, alicePrivate, bobPublic);
        X25519.ScalarMult(bobShared, bobPrivate, alicePublic);

        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Convert.ToHexStringLower(alicePublic));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Convert.ToHexStringLower(bobPublic));
        Assert.Equal("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", Convert.ToHexStringLower(aliceShared));
        Assert.Equal(aliceShared, bobShared);
    }

    [Fact]
    public void Leaves_the_scalar_and_point_arrays_unmodified()
    {
        byte[] scalar = Enumerable.Range(0, 32).Select(i => (byte)(0xff - i)).ToArray();
        byte[] u = Enumerable.Range(0, 32).Select(i => (byte)(0x80 + i)).ToArray();
        byte[] scalarCopy = (byte[])scalar.Clone();
        byte[] uCopy = (byte[])u.Clone();

        X25519.ScalarMult(new byte[32], scalar, u);

        Assert.Equal(scalarCopy, scalar);
        Assert.Equal(uCopy, u);
    }

    [Fact]
    public void Clamping_makes_scalars_differing_only_in_clamped_bits_equal()
    {
        byte[] scalar = Convert.FromHexString("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] unclamped = (byte[])scalar.Clone();
        unclamped[0] ^= 0x07;  // the low 3 bits are cleared by clamping
        unclamped[31] ^= 0xc0; // bit 255 cleared and bit 254 set by clamping
        byte[] expected = new byte[32];
        byte[] actual = new byte[32];

        X25519.ScalarMultBase(expected, scalar);
        X25519.ScalarMultBase(actual, unclamped);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Gives_an_all_zero_output_for_a_low_order_point_for_the_caller_to_reject()
    {
        byte[] scalar = Convert.FromHexString("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] output = new byte[32];

        foreach (byte[] lowOrder in new[] { new byte[32], [1, .. new byte[31]] })
        {
            output[0] = 0xaa;
            X25519.ScalarMult(output, scalar, lowOrder);
            Assert.True(ConstantTime.IsZero(output, 0, 32));
        }
    }

    [Fact]
    public void Throws_on_misuse_null_or_wrong_length_arguments()
    {
        byte[] ok = new byte[32];

        Assert.Throws<ArgumentNullException>(() => X25519.ScalarMult(null!, ok, ok));
        Assert.Throws<ArgumentNullException>(() => X25519.ScalarMult(ok, null!, ok));
        Assert.Throws<ArgumentNullException>(() => X25519.ScalarMult(ok, ok, null!));
        Assert.Throws<ArgumentException>(() => X25519.ScalarMult(new byte[31], ok, ok));
        Assert.Throws<ArgumentException>(() => X25519.ScalarMult(ok, new byte[33], ok));
        Assert.Throws<ArgumentException>(() => X25519.ScalarMult(ok, ok, new byte[31]));
        Assert.Throws<ArgumentNullException>(() => X25519.ScalarMultBase(ok, null!));
        Assert.Throws<ArgumentException>(() => X25519.ScalarMultBase(ok, new byte[31]));
    }
}
