using SecureOta.Device.Core.Crypto;

namespace SecureOta.Tests.Crypto;

/// <summary>
/// Wycheproof X25519. The file has "valid" and "acceptable" cases only. "Acceptable" marks inputs a
/// library may either refuse or compute on: public keys on the twist, of low order, non-canonical
/// (u &gt;= p), and edge cases of the arithmetic. X25519.ScalarMult is the raw RFC 7748 function and
/// refuses nothing, so for every case, valid or acceptable, the test asserts the exact RFC output
/// the file gives; where that output is all zero (a low-order point, flag ZeroSharedSecret) it also
/// asserts ConstantTime.IsZero sees it, which is how callers refuse such a key exchange.
/// </summary>
public class X25519WycheproofTests
{
    private static readonly IReadOnlyList<WycheproofVectors.TestCase> Cases = WycheproofVectors.Load("x25519_test.json");

    [Fact]
    public void Computes_the_shared_secret_of_every_valid_and_acceptable_case()
    {
        var mismatches = Cases.Where(c => !Compute(c).AsSpan().SequenceEqual(c.Bytes("shared"))).Select(c => c.Id).ToList();

        Assert.Equal(518, Cases.Count);
        Assert.All(Cases, c => Assert.Contains(c.Result, new[] { "valid", "acceptable" }));
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Zero_shared_secret_cases_are_caught_by_the_callers_all_zero_check()
    {
        var zeroCases = Cases.Where(c => c.Flags.Contains("ZeroSharedSecret")).ToList();

        Assert.NotEmpty(zeroCases);
        Assert.All(zeroCases, c => Assert.True(ConstantTime.IsZero(Compute(c), 0, 32), $"tcId {c.Id}"));
    }

    [Fact]
    public void Only_zero_shared_secret_cases_give_an_all_zero_output()
    {
        var nonZeroCases = Cases.Where(c => !c.Flags.Contains("ZeroSharedSecret")).ToList();

        Assert.All(nonZeroCases, c => Assert.False(ConstantTime.IsZero(Compute(c), 0, 32), $"tcId {c.Id}"));
    }

    private static byte[] Compute(WycheproofVectors.TestCase c)
    {
        byte[] output = new byte[32];
        X25519.ScalarMult(output, c.Bytes("private"), c.Bytes("public"));
        return output;
    }
}
