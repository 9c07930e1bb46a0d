using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Host;

namespace SecureOta.Tests.HostCrypto;

/// <summary>
/// The device core's RFC 3394 key wrap over the host AES seam. Length rules under test: Wrap throws
/// (caller misuse) for key data that is not a multiple of 8 bytes or shorter than 16; TryUnwrap returns
/// false (untrusted input) for wrapped data that is not a multiple of 8 bytes or shorter than 24.
/// </summary>
public sealed class AesKeyWrapTests : IDisposable
{
    private const string Rfc3394Kek = "000102030405060708090a0b0c0d0e0f";
    private const string Rfc3394KeyData = "00112233445566778899aabbccddeeff";
    private const string Rfc3394Wrapped = "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5";

    private readonly DotNetAes128 _aes = new();

    public void Dispose() => _aes.Dispose();

    public static TheoryData<int, string, string, string, string> Wycheproof128BitKekCases()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var (_, test) in WycheproofFile.Cases("aes_wrap_test.json", group => group.Number("keySize") == 128))
        {
            data.Add(test.Number("tcId"), test.Text("result"), test.Text("key"), test.Text("msg"), test.Text("ct"));
        }
        return data;
    }

    [Fact]
    public void Wraps_rfc3394_section_4_1_vector()
    {
        byte[] wrapped = AesKeyWrap.Wrap(_aes, Convert.FromHexString(Rfc3394Kek), Convert.FromHexString(Rfc3394KeyData));

        Assert.Equal(Rfc3394Wrapped, Convert.ToHexStringLower(wrapped));
    }

    [Fact]
    public void Unwraps_rfc3394_section_4_1_vector()
    {
        Assert.True(AesKeyWrap.TryUnwrap(_aes, Convert.FromHexString(Rfc3394Kek), Convert.FromHexString(Rfc3394Wrapped), out byte[] keyData));

        Assert.Equal(Rfc3394KeyData, Convert.ToHexStringLower(keyData));
    }

    [Theory]
    [MemberData(nameof(Wycheproof128BitKekCases))]
    public void Matches_wycheproof_128_bit_kek_vector(int tcId, string result, string keyHex, string msgHex, string ctHex)
    {
        byte[] kek = Convert.FromHexString(keyHex);
        byte[] msg = Convert.FromHexString(msgHex);
        byte[] ct = Convert.FromHexString(ctHex);
        bool wrappableLength = msg.Length >= 16 && msg.Length % 8 == 0;

        if (result == "valid")
        {
            Assert.True(wrappableLength, $"tcId {tcId}: valid cases wrap at least two semiblocks");
            Assert.Equal(ctHex, Convert.ToHexStringLower(AesKeyWrap.Wrap(_aes, kek, msg)));
            Assert.True(AesKeyWrap.TryUnwrap(_aes, kek, ct, out byte[] unwrapped), $"tcId {tcId} must unwrap");
            Assert.Equal(msgHex, Convert.ToHexStringLower(unwrapped));
            return;
        }

        // "invalid", and the one "acceptable" case (RFC 3394's single-block wrap of an 8-byte key, which
        // SP 800-38F does not define): this implementation rejects both.
        Assert.False(AesKeyWrap.TryUnwrap(_aes, kek, ct, out byte[] rejected), $"tcId {tcId} must not unwrap");
        Assert.Null(rejected);
        if (!wrappableLength)
        {
            Assert.Throws<ArgumentException>(() => AesKeyWrap.Wrap(_aes, kek, msg));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(23)]
    public void Rejects_wrapped_key_with_flipped_bit(int byteIndex)
    {
        byte[] wrapped = Convert.FromHexString(Rfc3394Wrapped);
        wrapped[byteIndex] ^= 0x80;

        Assert.False(AesKeyWrap.TryUnwrap(_aes, Convert.FromHexString(Rfc3394Kek), wrapped, out byte[] keyData));
        Assert.Null(keyData);
    }

    [Fact]
    public void Rejects_unwrap_under_a_different_kek()
    {
        byte[] otherKek = Convert.FromHexString(Rfc3394Kek);
        otherKek[15] ^= 0x01;

        Assert.False(AesKeyWrap.TryUnwrap(_aes, otherKek, Convert.FromHexString(Rfc3394Wrapped), out byte[] keyData));
        Assert.Null(keyData);
    }

    [Fact]
    public void Rejects_truncated_wrapped_key()
    {
        byte[] truncated = Convert.FromHexString(Rfc3394Wrapped)[..16];

        Assert.False(AesKeyWrap.TryUnwrap(_aes, Convert.FromHexString(Rfc3394Kek), truncated, out byte[] keyData));
        Assert.Null(keyData);
    }

    [Fact]
    public void Rejects_wrapped_keys_swapped_semiblocks()
    {
        byte[] wrapped = AesKeyWrap.Wrap(_aes, Convert.FromHexString(Rfc3394Kek), Convert.FromHexString(
            "00112233445566778899aabbccddeeff0001020304050607"));
        byte[] swapped = (byte[])wrapped.Clone();
        Array.Copy(wrapped, 8, swapped, 16, 8);
        Array.Copy(wrapped, 16, swapped, 8, 8);

        Assert.False(AesKeyWrap.TryUnwrap(_aes, Convert.FromHexString(Rfc3394Kek), swapped, out _));
    }

    [Fact]
    public void Wipes_the_working_block_after_a_failed_unwrap()
    {
        var spy = new BlockRecordingAes(_aes);
        byte[] tampered = Convert.FromHexString(Rfc3394Wrapped);
        tampered[20] ^= 0x01;

        Assert.False(AesKeyWrap.TryUnwrap(spy, Convert.FromHexString(Rfc3394Kek), tampered, out _));

        Assert.NotNull(spy.LastBuffer);
        Assert.All(spy.LastBuffer!, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(15)]
    public void Rejects_non_aes128_kek_as_misuse(int kekLength)
    {
        byte[] kek = new byte[kekLength];

        Assert.Throws<ArgumentException>(() => AesKeyWrap.Wrap(_aes, kek, new byte[16]));
        Assert.Throws<ArgumentException>(() => AesKeyWrap.TryUnwrap(_aes, kek, new byte[24], out _));
    }

    [Fact]
    public void Rejects_null_arguments_as_misuse()
    {
        byte[] kek = new byte[16];

        Assert.Throws<ArgumentNullException>(() => AesKeyWrap.Wrap(null!, kek, new byte[16]));
        Assert.Throws<ArgumentNullException>(() => AesKeyWrap.Wrap(_aes, kek, null!));
        Assert.Throws<ArgumentNullException>(() => AesKeyWrap.TryUnwrap(_aes, null!, new byte[24], out _));
        Assert.Throws<ArgumentNullException>(() => AesKeyWrap.TryUnwrap(_aes, kek, null!, out _));
    }
}
