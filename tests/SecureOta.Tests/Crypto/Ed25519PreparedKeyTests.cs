using SecureOta.Build.Crypto;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// The verifier keeps the last keys that passed their checks prepared (decoded, with their tables):
/// verdicts must not depend on which keys were seen before, in what order, or how often.
/// </summary>
public class Ed25519PreparedKeyTests
{
    private static (byte[] Key, byte[] Signature, byte[] Message)[] SignWithKeys(int keys, int seed)
    {
        var random = new Random(seed);
        var signed = new (byte[], byte[], byte[])[keys];
        for (int i = 0; i < keys; i++)
        {
            byte[] keySeed = new byte[32];
            random.NextBytes(keySeed);
            byte[] message = new byte[100 + i];
            random.NextBytes(message);
            using var signer = Ed25519KeyPair.FromSeed(keySeed);
            signed[i] = (signer.PublicKey, signer.Sign(message), message);
        }
        return signed;
    }

    [Fact]
    public void Three_keys_in_turn_keep_every_verdict_as_keys_are_prepared_and_replaced()
    {
        var signed = SignWithKeys(3, 1);
        var wrong = new List<string>();
        for (int round = 0; round < 4; round++)
        {
            foreach (int i in new[] { 0, 1, 2, 0, 0, 2, 1 })
            {
                var (key, signature, message) = signed[i];
                if (!Ed25519.Verify(key, signature, message, 0, message.Length)) wrong.Add($"round {round}: key {i} refused its own signature");
                var other = signed[(i + 1) % 3];
                if (Ed25519.Verify(key, other.Signature, other.Message, 0, other.Message.Length)) wrong.Add($"round {round}: key {i} accepted another key's signature");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void A_prepared_key_still_refuses_a_changed_message_or_signature()
    {
        var (key, signature, message) = SignWithKeys(1, 2)[0];
        Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length));

        for (int bit = 0; bit < 8 * 64; bit += 7)
        {
            byte[] flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Ed25519.Verify(key, flipped, message, 0, message.Length), $"signature bit {bit}");
        }
        byte[] changed = (byte[])message.Clone();
        changed[^1] ^= 1;
        Assert.False(Ed25519.Verify(key, signature, changed, 0, changed.Length));
        Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length));
    }

    [Fact]
    public void A_key_differing_from_a_prepared_one_in_its_last_byte_is_checked_as_a_new_key()
    {
        var (key, signature, message) = SignWithKeys(1, 3)[0];
        Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length));

        // The same y with the other sign of x is a different key (its negation): the signature must fail.
        byte[] negated = (byte[])key.Clone();
        negated[31] ^= 0x80;
        Assert.False(Ed25519.Verify(negated, signature, message, 0, message.Length));
        Assert.True(Ed25519.Verify(key, signature, message, 0, message.Length));
    }
}
