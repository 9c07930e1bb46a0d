using SecureOta.Device.Core.Crypto;

namespace SecureOta.Tests.Crypto;

public class Ed25519WycheproofTests
{
    private static readonly IReadOnlyList<WycheproofVectors.TestCase> Cases = WycheproofVectors.Load("ed25519_test.json");

    [Fact]
    public void Verifies_every_valid_wycheproof_signature()
    {
        var valid = Cases.Where(c => c.Result == "valid").ToList();
        var rejected = valid.Where(c => !Verify(c)).Select(c => c.Id).ToList();

        Assert.Equal(88, valid.Count);
        Assert.Empty(rejected);
    }

    [Fact]
    public void Rejects_every_invalid_wycheproof_signature_of_the_right_length()
    {
        var invalid = Cases.Where(c => c.Result == "invalid" && c.Bytes("sig").Length == Ed25519.SignatureSize).ToList();
        var accepted = invalid.Where(Verify).Select(c => c.Id).ToList();

        Assert.NotEmpty(invalid);
        Assert.Empty(accepted);
    }

    [Fact]
    public void Refuses_wrong_length_wycheproof_signatures_as_misuse()
    {
        // Truncated signatures and signatures with trailing garbage never reach the curve: the length is
        // the caller's contract (a DSSE signature field decodes to exactly 64 bytes or is refused before).
        var wrongLength = Cases.Where(c => c.Bytes("sig").Length != Ed25519.SignatureSize).ToList();

        Assert.NotEmpty(wrongLength);
        Assert.All(wrongLength, c => Assert.Equal("invalid", c.Result));
        Assert.All(wrongLength, c => Assert.Throws<ArgumentException>(() => Verify(c)));
    }

    [Fact]
    public void Every_wycheproof_case_is_either_valid_or_invalid()
    {
        Assert.All(Cases, c => Assert.Contains(c.Result, new[] { "valid", "invalid" }));
    }

    private static bool Verify(WycheproofVectors.TestCase c)
    {
        byte[] key = Convert.FromHexString(c.Group.GetProperty("publicKey").GetProperty("pk").GetString()!);
        byte[] message = c.Bytes("msg");
        return Ed25519.Verify(key, c.Bytes("sig"), message, 0, message.Length);
    }
}
