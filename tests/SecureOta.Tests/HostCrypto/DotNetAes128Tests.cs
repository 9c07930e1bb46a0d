using System.Security.Cryptography;
using SecureOta.Device.Host;

namespace SecureOta.Tests.HostCrypto;

/// <summary>The host AES-128 seam: in-place unpadded CBC decryption and single-block ECB.</summary>
public sealed class DotNetAes128Tests : IDisposable
{
    private readonly DotNetAes128 _aes = new();

    public void Dispose() => _aes.Dispose();

    public static TheoryData<int, string, string, string, string> Wycheproof128BitValidCases()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var (_, test) in WycheproofFile.Cases("aes_cbc_pkcs5_test.json", group => group.Number("keySize") == 128))
        {
            if (test.Text("result") != "valid") continue;
            data.Add(test.Number("tcId"), test.Text("key"), test.Text("iv"), test.Text("msg"), test.Text("ct"));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Wycheproof128BitValidCases))]
    public void Decrypts_wycheproof_cbc_ciphertext_in_place_leaving_the_padding(int tcId, string keyHex, string ivHex, string msgHex, string ctHex)
    {
        byte[] buffer = Convert.FromHexString(ctHex);
        Assert.True(buffer.Length % 16 == 0, $"tcId {tcId}: ciphertext must be block-aligned");
        byte[] message = Convert.FromHexString(msgHex);

        _aes.DecryptCbc(Convert.FromHexString(keyHex), Convert.FromHexString(ivHex), buffer, 0, buffer.Length);

        // The seam does not unpad: the plaintext is the message followed by PKCS#7 padding bytes.
        Assert.Equal(message, buffer[..message.Length]);
        byte padding = (byte)(buffer.Length - message.Length);
        Assert.All(buffer[message.Length..], b => Assert.Equal(padding, b));
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(3, 64)]
    [InlineData(16, 4096)]
    public void Cbc_decrypts_a_range_in_place_like_dotnet(int offset, int count)
    {
        byte[] key = RandomNumberGenerator.GetBytes(16);
        byte[] iv = RandomNumberGenerator.GetBytes(16);
        byte[] plain = RandomNumberGenerator.GetBytes(count);
        using Aes reference = Aes.Create();
        reference.Key = key;
        byte[] buffer = new byte[offset + count + 5];
        reference.EncryptCbc(plain, iv, PaddingMode.None).CopyTo(buffer, offset);
        byte[] ivBefore = (byte[])iv.Clone();

        _aes.DecryptCbc(key, iv, buffer, offset, count);

        Assert.Equal(plain, buffer[offset..(offset + count)]);
        Assert.All(buffer[..offset], b => Assert.Equal(0, b));
        Assert.All(buffer[(offset + count)..], b => Assert.Equal(0, b));
        Assert.Equal(ivBefore, iv);
    }

    [Fact]
    public void Chained_chunk_decryption_equals_one_whole_decryption()
    {
        // The artifact format chains chunks: chunk i's IV is the last cipher block of chunk i-1.
        byte[] key = RandomNumberGenerator.GetBytes(16);
        byte[] iv = RandomNumberGenerator.GetBytes(16);
        byte[] plain = RandomNumberGenerator.GetBytes(3 * 64);
        using Aes reference = Aes.Create();
        reference.Key = key;
        byte[] cipher = reference.EncryptCbc(plain, iv, PaddingMode.None);

        byte[] buffer = (byte[])cipher.Clone();
        byte[] chunkIv = (byte[])iv.Clone();
        for (int chunk = 0; chunk < 3; chunk++)
        {
            byte[] nextIv = cipher[(chunk * 64 + 48)..(chunk * 64 + 64)];
            _aes.DecryptCbc(key, chunkIv, buffer, chunk * 64, 64);
            chunkIv = nextIv;
        }

        Assert.Equal(plain, buffer);
    }

    [Fact]
    public void Encrypts_and_decrypts_the_fips197_appendix_c1_block()
    {
        byte[] key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        byte[] buffer = Convert.FromHexString("ff00112233445566778899aabbccddeeffff");

        _aes.EncryptBlock(key, buffer, 1);
        Assert.Equal("ff69c4e0d86a7b0430d8cdb78070b4c55aff", Convert.ToHexStringLower(buffer));

        _aes.DecryptBlock(key, buffer, 1);
        Assert.Equal("ff00112233445566778899aabbccddeeffff", Convert.ToHexStringLower(buffer));
    }

    [Fact]
    public void Switching_keys_uses_the_key_passed_on_each_call()
    {
        byte[] firstKey = RandomNumberGenerator.GetBytes(16);
        byte[] secondKey = RandomNumberGenerator.GetBytes(16);
        byte[] block = RandomNumberGenerator.GetBytes(16);
        using Aes reference = Aes.Create();

        foreach (byte[] key in new[] { firstKey, secondKey, firstKey })
        {
            reference.Key = key;
            byte[] expected = reference.EncryptEcb(block, PaddingMode.None);
            byte[] actual = (byte[])block.Clone();
            _aes.EncryptBlock(key, actual, 0);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_key_array_changed_in_place_is_noticed()
    {
        byte[] key = new byte[16];
        byte[] block = new byte[16];
        _aes.EncryptBlock(key, block, 0);
        byte[] underZeroKey = (byte[])block.Clone();

        key[0] = 1;
        block = new byte[16];
        _aes.EncryptBlock(key, block, 0);

        Assert.NotEqual(underZeroKey, block);
    }

    [Fact]
    public void One_seam_object_shared_between_threads_gives_correct_results()
    {
        byte[][] keys = Enumerable.Range(0, 8).Select(_ => RandomNumberGenerator.GetBytes(16)).ToArray();
        byte[] plain = RandomNumberGenerator.GetBytes(16);

        Parallel.For(0, 400, i =>
        {
            byte[] key = keys[i % keys.Length];
            byte[] block = (byte[])plain.Clone();
            _aes.EncryptBlock(key, block, 0);
            _aes.DecryptBlock(key, block, 0);
            Assert.Equal(plain, block);
        });
    }

    [Theory]
    [InlineData(15)]
    [InlineData(24)]
    [InlineData(32)]
    public void Rejects_keys_that_are_not_aes128_as_misuse(int keyLength)
    {
        Assert.Throws<ArgumentException>(() => _aes.EncryptBlock(new byte[keyLength], new byte[16], 0));
        Assert.Throws<ArgumentException>(() => _aes.DecryptCbc(new byte[keyLength], new byte[16], new byte[16], 0, 16));
    }

    [Fact]
    public void Rejects_partial_blocks_and_out_of_range_buffers_as_misuse()
    {
        byte[] key = new byte[16];

        Assert.Throws<ArgumentException>(() => _aes.DecryptCbc(key, new byte[16], new byte[32], 0, 20));
        Assert.Throws<ArgumentException>(() => _aes.DecryptCbc(key, new byte[8], new byte[32], 0, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => _aes.DecryptCbc(key, new byte[16], new byte[32], 17, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => _aes.EncryptBlock(key, new byte[16], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _aes.DecryptBlock(key, new byte[16], -1));
    }

    [Fact]
    public void Refuses_to_work_after_dispose()
    {
        var aes = new DotNetAes128();
        aes.Dispose();

        Assert.Throws<ObjectDisposedException>(() => aes.EncryptBlock(new byte[16], new byte[16], 0));
    }
}
