using System.Security.Cryptography;
using System.Text;
using Sha512 = SecureOta.Device.Core.Crypto.Sha512;

namespace SecureOta.Tests.Crypto;

public class Sha512Tests
{
    // Lengths around the padding boundary: 111 is the longest message whose length field still fits the
    // same 128-byte block, 112 the shortest that needs a second block; 127/128/129 straddle a block.
    public static TheoryData<int> BoundaryLengths =>
        new() { 0, 1, 55, 56, 63, 64, 65, 111, 112, 113, 127, 128, 129, 239, 240, 255, 256, 257, 1000 };

    [Fact]
    public void Hashes_fips_180_4_one_block_example_abc()
    {
        byte[] digest = Sha512.Hash(Encoding.ASCII.GetBytes("abc"), 0, 3);

        Assert.Equal(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Hashes_fips_180_4_two_block_example_like_the_platform()
    {
        byte[] message = Encoding.ASCII.GetBytes(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu");

        byte[] digest = Sha512.Hash(message, 0, message.Length);

        Assert.Equal(
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
            + "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
            Convert.ToHexStringLower(digest));
        Assert.Equal(SHA512.HashData(message), digest);
    }

    [Theory]
    [MemberData(nameof(BoundaryLengths))]
    public void Matches_the_platform_at_padding_boundary_lengths(int length)
    {
        byte[] message = PatternBytes(length);

        Assert.Equal(SHA512.HashData(message), Sha512.Hash(message, 0, length));
    }

    [Fact]
    public void Matches_the_platform_on_one_million_a()
    {
        byte[] message = new byte[1_000_000];
        Array.Fill(message, (byte)'a');

        Assert.Equal(SHA512.HashData(message), Sha512.Hash(message, 0, message.Length));
    }

    [Fact]
    public void Incremental_updates_of_any_split_equal_the_one_shot_digest()
    {
        byte[] message = PatternBytes(700);
        byte[] expected = SHA512.HashData(message);
        var random = new Random(512);
        var hasher = new Sha512();

        for (int trial = 0; trial < 200; trial++)
        {
            int offset = 0;
            while (offset < message.Length)
            {
                int count = Math.Min(random.Next(0, 300), message.Length - offset);
                hasher.Update(message, offset, count);
                offset += count;
            }
            byte[] digest = new byte[Sha512.HashSize];
            hasher.Final(digest, 0);
            Assert.Equal(expected, digest);
        }
    }

    [Fact]
    public void Final_resets_so_the_instance_hashes_the_next_message_from_scratch()
    {
        var hasher = new Sha512();
        byte[] first = Encoding.ASCII.GetBytes("first message");
        byte[] second = Encoding.ASCII.GetBytes("second");
        byte[] output = new byte[Sha512.HashSize + 3];

        hasher.Update(first, 0, first.Length);
        hasher.Final(output, 3);
        hasher.Update(second, 0, second.Length);
        hasher.Final(output, 3);

        Assert.Equal(SHA512.HashData(second), output[3..]);
    }

    [Fact]
    public void Reset_discards_absorbed_input()
    {
        var hasher = new Sha512();
        byte[] noise = PatternBytes(77);
        hasher.Update(noise, 0, noise.Length);

        hasher.Reset();
        byte[] digest = new byte[Sha512.HashSize];
        hasher.Final(digest, 0);

        Assert.Equal(SHA512.HashData(Array.Empty<byte>()), digest);
    }

    [Fact]
    public void Hashes_only_the_requested_range_of_the_buffer()
    {
        byte[] buffer = PatternBytes(300);

        Assert.Equal(SHA512.HashData(buffer.AsSpan(17, 200)), Sha512.Hash(buffer, 17, 200));
    }

    [Fact]
    public void Rejects_null_and_out_of_range_arguments()
    {
        var hasher = new Sha512();
        byte[] data = new byte[10];

        Assert.Throws<ArgumentNullException>(() => hasher.Update(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Update(data, 5, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Update(data, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Update(data, 0, -1));
        Assert.Throws<ArgumentNullException>(() => hasher.Final(null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => hasher.Final(new byte[64], 1));
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
