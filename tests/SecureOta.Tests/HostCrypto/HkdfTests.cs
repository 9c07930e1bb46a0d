using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Host;

namespace SecureOta.Tests.HostCrypto;

/// <summary>The device core's HKDF-SHA256 over the host HMAC seam, against RFC 5869 and Wycheproof.</summary>
public sealed class HkdfTests
{
    private readonly DotNetHmacSha256 _hmac = new();

    public static TheoryData<string, string, string, int, string> Rfc5869Vectors => new()
    {
        // A.1: basic case.
        {
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            42,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        },
        // A.2: longer inputs and outputs (several expand rounds, salt longer than HashLen).
        {
            Sequence(0x00, 80),
            Sequence(0x60, 80),
            Sequence(0xb0, 80),
            82,
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"
        },
        // A.3: zero-length salt and info.
        {
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "",
            "",
            42,
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        },
    };

    public static TheoryData<int, string, string, string, string, int, string> WycheproofCases()
    {
        var data = new TheoryData<int, string, string, string, string, int, string>();
        foreach (var (_, test) in WycheproofFile.Cases("hkdf_sha256_test.json", _ => true))
        {
            data.Add(test.Number("tcId"), test.Text("result"), test.Text("ikm"), test.Text("salt"), test.Text("info"),
                test.Number("size"), test.Text("okm"));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rfc5869Vectors))]
    public void Derives_rfc5869_appendix_a_output(string ikmHex, string saltHex, string infoHex, int length, string okmHex)
    {
        byte[] okm = Hkdf.DeriveKey(_hmac, Convert.FromHexString(ikmHex), Convert.FromHexString(saltHex), Convert.FromHexString(infoHex), length);

        Assert.Equal(okmHex, Convert.ToHexStringLower(okm));
    }

    [Theory]
    [MemberData(nameof(WycheproofCases))]
    public void Matches_wycheproof_hkdf_sha256_vector(int tcId, string result, string ikmHex, string saltHex, string infoHex, int size, string okmHex)
    {
        byte[] ikm = Convert.FromHexString(ikmHex);
        byte[] salt = Convert.FromHexString(saltHex);
        byte[] info = Convert.FromHexString(infoHex);

        if (result == "valid")
        {
            Assert.Equal(okmHex, Convert.ToHexStringLower(Hkdf.DeriveKey(_hmac, ikm, salt, info, size)));
            return;
        }

        // The only invalid cases ask for more than 255 blocks of output: a caller's mistake, so it throws.
        Assert.True(size > Hkdf.MaxOutputLength, $"tcId {tcId}: unexpected kind of invalid case");
        Assert.Throws<ArgumentOutOfRangeException>(() => Hkdf.DeriveKey(_hmac, ikm, salt, info, size));
    }

    [Fact]
    public void Null_empty_and_all_zero_salt_derive_the_same_key()
    {
        byte[] ikm = Convert.FromHexString("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        byte[] fromNull = Hkdf.DeriveKey(_hmac, ikm, null!, [], 42);
        byte[] fromEmpty = Hkdf.DeriveKey(_hmac, ikm, [], [], 42);
        byte[] fromZeros = Hkdf.DeriveKey(_hmac, ikm, new byte[32], [], 42);

        Assert.Equal("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8", Convert.ToHexStringLower(fromNull));
        Assert.Equal(fromNull, fromEmpty);
        Assert.Equal(fromNull, fromZeros);
    }

    [Fact]
    public void Null_info_means_no_context()
    {
        byte[] ikm = [1, 2, 3];

        Assert.Equal(Hkdf.DeriveKey(_hmac, ikm, [9], [], 16), Hkdf.DeriveKey(_hmac, ikm, [9], null!, 16));
    }

    [Fact]
    public void Different_info_derives_a_different_key()
    {
        byte[] ikm = [1, 2, 3];

        Assert.NotEqual(Hkdf.DeriveKey(_hmac, ikm, [9], [1], 16), Hkdf.DeriveKey(_hmac, ikm, [9], [2], 16));
    }

    [Fact]
    public void Shorter_output_is_a_prefix_of_longer_output()
    {
        byte[] ikm = [1, 2, 3];
        byte[] longOutput = Hkdf.DeriveKey(_hmac, ikm, [4], [5], 100);

        Assert.Equal(longOutput[..33], Hkdf.DeriveKey(_hmac, ikm, [4], [5], 33));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(255 * 32 + 1)]
    public void Rejects_output_length_outside_rfc5869_bounds_as_misuse(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hkdf.DeriveKey(_hmac, [1], [2], [3], length));
    }

    [Fact]
    public void Rejects_null_hmac_or_key_material_as_misuse()
    {
        Assert.Throws<ArgumentNullException>(() => Hkdf.DeriveKey(null!, [1], [2], [3], 16));
        Assert.Throws<ArgumentNullException>(() => Hkdf.DeriveKey(_hmac, null!, [2], [3], 16));
    }

    // Hex of `count` bytes counting up from `first`, as RFC 5869 A.2 writes its inputs.
    private static string Sequence(int first, int count) =>
        Convert.ToHexStringLower(Enumerable.Range(first, count).Select(i => (byte)i).ToArray());
}
