using System.Security.Cryptography;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

public sealed class KeyUnwrapperTests : IDisposable
{
    private readonly SeamProbe _seams = new();
    private readonly RecipientKey _device = new(RandomNumberGenerator.GetBytes(32));
    private readonly byte[] _contentKey = RandomNumberGenerator.GetBytes(16);

    public void Dispose() => _seams.Dispose();

    private byte[] KeyCheck(byte[] contentKey) => HMACSHA256.HashData(contentKey, "SecureOta/v1/key-check"u8.ToArray())[..16];

    private VerificationFailure Refuse(byte[] file, RecipientKey? recipient = null, byte[]? keyCheck = null)
    {
        var unwrapper = new KeyUnwrapper(_seams, _seams);
        Assert.False(unwrapper.TryUnwrap(file, recipient ?? _device, keyCheck ?? KeyCheck(_contentKey), out byte[] key, out VerificationFailure failure));
        Assert.Null(key);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
        return failure;
    }

    private static void AssertFailure(VerificationFailure failure, VerificationError error, string step)
    {
        Assert.True(failure.Error == error && failure.Step == step, $"expected {step} {error}, got {failure}");
    }

    [Fact]
    public void Recipient_id_is_the_sha256_of_the_public_key()
    {
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_device.GetPublicKey())), _device.Id);
        Assert.Equal(SHA256.HashData(_device.GetPublicKey()), _device.GetIdBytes());
    }

    [Fact]
    public void Unwraps_the_content_key_for_its_recipient()
    {
        byte[] file = TestKeyWrap.Wrap(_contentKey, _device.GetPublicKey());
        var unwrapper = new KeyUnwrapper(_seams, _seams);
        Assert.True(unwrapper.TryUnwrap(file, _device, KeyCheck(_contentKey), out byte[] key, out VerificationFailure failure), failure?.ToString());
        Assert.Equal(_contentKey, key);
    }

    [Fact]
    public void Other_recipients_file_is_refused()
    {
        var other = new RecipientKey(RandomNumberGenerator.GetBytes(32));
        byte[] file = TestKeyWrap.Wrap(_contentKey, other.GetPublicKey());
        AssertFailure(Refuse(file), VerificationError.KeyUnwrapFailed, "K3");
    }

    [Fact]
    public void Tampered_byte_anywhere_is_refused()
    {
        byte[] file = TestKeyWrap.Wrap(_contentKey, _device.GetPublicKey());
        for (int at = 0; at < file.Length; at++)
        {
            byte[] tampered = (byte[])file.Clone();
            tampered[at] ^= 0x04;
            VerificationFailure failure = Refuse(tampered);
            // The format byte fails K1; E and W fail the key-wrap integrity check.
            Assert.Equal(at == 0 ? "K1" : "K3", failure.Step);
        }
    }

    [Fact]
    public void Wrong_key_check_is_refused()
    {
        byte[] otherReleaseKey = RandomNumberGenerator.GetBytes(16);
        byte[] file = TestKeyWrap.Wrap(otherReleaseKey, _device.GetPublicKey());
        AssertFailure(Refuse(file), VerificationError.KeyCheckMismatch, "K4");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(56)]
    [InlineData(58)]
    public void File_of_wrong_length_is_refused(int length)
    {
        AssertFailure(Refuse(new byte[length]), VerificationError.Malformed, "K1");
    }

    [Fact]
    public void Unknown_format_is_refused()
    {
        byte[] file = TestKeyWrap.Wrap(_contentKey, _device.GetPublicKey());
        file[0] = 0x02;
        AssertFailure(Refuse(file), VerificationError.Malformed, "K1");
    }

    [Fact]
    public void Low_order_ephemeral_key_is_refused()
    {
        // u = 0 and u = 1 have small order: X25519 gives all zeros whatever the private key.
        byte[] file = new byte[57];
        file[0] = 0x01;
        AssertFailure(Refuse(file), VerificationError.KeyAgreementFailed, "K2");
        file[1] = 0x01;
        AssertFailure(Refuse(file), VerificationError.KeyAgreementFailed, "K2");
    }

    [Fact]
    public void Test_key_wrap_matches_rfc_3394_section_4_1()
    {
        byte[] kek = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        byte[] key = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        Assert.Equal(Convert.FromHexString("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5"), TestKeyWrap.AesKeyWrap(kek, key));
    }
}
