using System.Security.Cryptography;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Host;

namespace SecureOta.Tests.HostCrypto;

/// <summary>The host HMAC-SHA256 seam, against Wycheproof's full-length-tag groups and .NET itself.</summary>
public sealed class DotNetHmacSha256Tests
{
    private readonly DotNetHmacSha256 _hmac = new();

    public static TheoryData<int, string, string, string, string> WycheproofFullTagCases()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var (_, test) in WycheproofFile.Cases("hmac_sha256_test.json", group => group.Number("tagSize") == 256))
        {
            data.Add(test.Number("tcId"), test.Text("result"), test.Text("key"), test.Text("msg"), test.Text("tag"));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WycheproofFullTagCases))]
    public void Matches_wycheproof_hmac_sha256_vector(int tcId, string result, string keyHex, string msgHex, string tagHex)
    {
        byte[] message = Convert.FromHexString(msgHex);
        byte[] expected = Convert.FromHexString(tagHex);
        byte[] tag = new byte[32];

        _hmac.Compute(Convert.FromHexString(keyHex), message, 0, message.Length, tag, 0);

        // Valid: the computed tag is the listed one. Invalid (ModifiedTag): a constant-time check rejects it.
        Assert.True(ConstantTime.AreEqual(tag, expected) == (result == "valid"), $"tcId {tcId} ({result})");
    }

    [Fact]
    public void Honours_data_range_and_output_offset()
    {
        byte[] key = [7, 7, 7];
        byte[] data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        byte[] output = new byte[40];

        _hmac.Compute(key, data, 10, 50, output, 5);

        Assert.Equal(HMACSHA256.HashData(key, data.AsSpan(10, 50)), output[5..37]);
        Assert.All(output[..5], b => Assert.Equal(0, b));
        Assert.All(output[37..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Computes_over_an_empty_range()
    {
        byte[] output = new byte[32];

        _hmac.Compute([1], [9, 9], 2, 0, output, 0);

        Assert.Equal(HMACSHA256.HashData([1], []), output);
    }

    [Theory]
    [InlineData(-1, 10, 0)]
    [InlineData(0, 101, 0)]
    [InlineData(95, 10, 0)]
    [InlineData(0, 10, 9)]
    [InlineData(0, 10, -1)]
    public void Rejects_ranges_outside_the_arrays_as_misuse(int offset, int count, int outputOffset)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _hmac.Compute([1], new byte[100], offset, count, new byte[40], outputOffset));
    }
}
