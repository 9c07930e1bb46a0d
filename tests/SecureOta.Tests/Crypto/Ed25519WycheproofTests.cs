using SecureOta.Device.Core.KeyTables;
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
    public void Every_wycheproof_verdict_is_the_same_when_the_keys_table_comes_from_flash()
    {
        // Each case twice after a "reboot": first its key's table is computed and written (or, for a key
        // verified before, loaded), then it is loaded from flash. Neither may change a verdict.
        var flash = new SecureOta.Tests.DeviceClient.Support.MemoryFileStore();
        var store = PreparedKeyStore.ForDevice(flash, new SecureOta.Device.Host.DotNetHmacSha256(),
            new SecureOta.Device.Core.Keys.RecipientKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var differing = new List<int>();
        var loaded = 0;
        foreach (var c in Cases.Where(c => c.Bytes("sig").Length == Ed25519.SignatureSize))
        {
            bool expected = c.Result == "valid";
            for (int round = 0; round < 2; round++)
            {
                Ed25519.ForgetPreparedKeys();
                if (Verify(c, store) != expected) differing.Add(c.Id);
                if (store.LastSource == PreparedKeySource.Flash) loaded++;
            }
        }

        Assert.Empty(differing);
        Assert.True(loaded >= Cases.Count(c => c.Result == "valid"), $"only {loaded} verifications used a table from flash");
    }

    [Fact]
    public void Every_wycheproof_case_is_either_valid_or_invalid()
    {
        Assert.All(Cases, c => Assert.Contains(c.Result, new[] { "valid", "invalid" }));
    }

    private static bool Verify(WycheproofVectors.TestCase c) => Verify(c, null);

    private static bool Verify(WycheproofVectors.TestCase c, PreparedKeyStore? store)
    {
        byte[] key = Convert.FromHexString(c.Group.GetProperty("publicKey").GetProperty("pk").GetString()!);
        byte[] message = c.Bytes("msg");
        return Ed25519.Verify(key, c.Bytes("sig"), message, 0, message.Length, store);
    }
}
