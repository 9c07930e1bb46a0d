using System.Security.Cryptography;
using System.Text;
using Sha256 = SecureOta.Device.Core.Crypto.Sha256;

namespace SecureOta.Tests.Crypto;

public class Sha256Tests
{
    // Lengths around the padding boundary: 55 is the longest message whose length field still fits the
    // same 64-byte block, 56 the shortest that needs a second block; 63/64/65 straddle a block.
    public static TheoryData<int> BoundaryLengths =>
        new() { 0, 1, 55, 56, 63, 64, 65, 111, 112, 113, 127, 128, 129, 239, 240, 255, 256, 257, 1000 };

    [Fact]
    public void Hashes_fips_180_4_one_block_example_abc()
    {
        byte[] digest = Sha256.Hash(Encoding.ASCII.GetBytes("abc"), 0, 3);

        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Hashes_fips_180_4_two_block_example_like_the_platform()
    {
        byte[] message = Encoding.ASCII.GetBytes(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");

        byte[] digest = Sha256.Hash(message, 0, message.Length);

        Assert.Equal(
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            Convert.ToHexStringLower(digest));
        Assert.Equal(SHA256.HashData(message), digest);
    }

    [Theory]
    [MemberData(nameof(BoundaryLengths))]
    public void Matches_the_platform_at_padding_boundary_lengths(int length)
    {
        byte[] message = PatternBytes(length);

        Assert.Equal(SHA256.HashData(message), Sha256.Hash(message, 0, length));
    }

    [Fact]
    public void Matches_the_platform_on_one_million_a()
    {
        byte[] message = new byte[1_000_000];
        Array.Fill(message, (byte)'a');

        Assert.Equal(SHA256.HashData(message), Sha256.Hash(message, 0, message.Length));
    }

    [Fact]
    public void Incremental_updates_of_any_split_equal_the_one_shot_digest()
    {
        byte[] message = PatternBytes(700);
        byte[] expected = SHA256.HashData(message);
        var random = new Random(256);
        var hasher = new Sha256();

        for (int trial = 0; trial < 200; trial++)
        {
            int offset = 0;
            while (offset < message.Length)
            {
                int count = Math.Min(random.Next(0, 300), message.Length - offset);
                hasher.Update(message, offset, count);
                offset += count;
            }
            byte[] digest = new byte[Sha256.HashSize];
            hasher.Final(digest, 0);
            Assert.Equal(expected, digest);
        }
    }

    [Fact]
    public void Final_resets_so_the_instance_hashes_the_next_message_from_scratch()
    {
        var hasher = new Sha256();
        byte[] first = Encoding.ASCII.GetBytes("first message");
        byte[] second = Encoding.ASCII.GetBytes("second");
        byte[] output = new byte[Sha256.HashSize + 3];

        hasher.Update(first, 0, first.Length);
        hasher.Final(output, 3);
        hasher.Update(second, 0, second.Length);
        hasher.Final(output, 3);

        Assert.Equal(SHA256.HashData(second), output[3..]);
    }

    [Fact]
    public void Reset_discards_absorbed_input()
    {
        var hasher = new Sha256();
        byte[] noise = PatternBytes(77);
        hasher.Update(noise, 0, noise.Length);

        hasher.Reset();
        byte[] digest = new byte[Sha256.HashSize];
        hasher.Final(digest, 0);

        Assert.Equal(SHA256.HashData(Array.Empty<byte>()), digest);
    }

    [Fact]
    public void Hashes_only_the_requested_range_of_the_buffer()
    {
        byte[] buffer = PatternBytes(300);

        Assert.Equal(SHA256.HashData(buffer.AsSpan(17, 200)), Sha256.Hash(buffer, 17, 200));
    }

    [Fact]
    public void Rejects_null_and_out_of_range_arguments()
    {
        var hasher = new Sha256();
        byte[] data = new byte[10];

        Assert.Throws<ArgumentNullException>(() => hasher.Update(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Update(data, 5, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Update(data, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Update(data, 0, -1));
        Assert.Throws<ArgumentNullException>(() => hasher.Final(null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Final(new byte[32], 1));
    }

    private static byte[] PatternBytes(int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 31 + 7);
        }
        return bytes;
    }
}
