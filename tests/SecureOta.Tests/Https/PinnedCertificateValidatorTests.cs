using SecureOta.Device.Host.Http;

namespace SecureOta.Tests.Https;

/// <summary>
/// The pin decision on its own, offline: which chains end at a pinned CA, and that nothing the server
/// sends (intermediates, its own root) can widen the pin set.
/// </summary>
public sealed class PinnedCertificateValidatorTests : IDisposable
{
    private readonly TestChain _pinned = new("Pinned");
    private readonly TestChain _other = new("Other");

    public void Dispose()
    {
        _pinned.Dispose();
        _other.Dispose();
    }

    private PinnedAnchorSet Pins => PinnedAnchorSet.FromPem([_pinned.RootPem]);

    [Fact]
    public void Trusts_leaf_that_chains_through_a_presented_intermediate_to_a_pinned_root()
    {
        var result = PinnedCertificateValidator.Check(_pinned.Leaf, [_pinned.Intermediate], "127.0.0.1", Pins);

        Assert.True(result.IsTrusted, result.Message);
    }

    [Fact]
    public void Refuses_leaf_whose_intermediate_was_not_presented()
    {
        var result = PinnedCertificateValidator.Check(_pinned.Leaf, [], "127.0.0.1", Pins);

        Assert.Equal(PinCheckFailure.OutsidePinnedSet, result.Failure);
    }

    [Fact]
    public void Refuses_chain_to_another_root_even_when_the_server_presents_that_root()
    {
        var result = PinnedCertificateValidator.Check(_other.Leaf, [_other.Intermediate, _other.Root], "127.0.0.1", Pins);

        Assert.Equal(PinCheckFailure.OutsidePinnedSet, result.Failure);
        Assert.Contains("CN=Pinned TEST root", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_leaf_for_another_name()
    {
        var result = PinnedCertificateValidator.Check(_pinned.Leaf, [_pinned.Intermediate], "localhost", Pins);

        Assert.Equal(PinCheckFailure.NameMismatch, result.Failure);
    }

    [Fact]
    public void Refuses_chain_checked_after_the_leaf_expired()
    {
        var result = PinnedCertificateValidator.Check(_pinned.Leaf, [_pinned.Intermediate], "127.0.0.1", Pins, DateTime.Now.AddDays(15));

        Assert.Equal(PinCheckFailure.NotTimeValid, result.Failure);
    }

    [Fact]
    public void Refuses_leaf_not_meant_for_server_authentication()
    {
        using var clientOnly = new TestChain("Usage", serverUsage: false);

        var result = PinnedCertificateValidator.Check(clientOnly.Leaf, [clientOnly.Intermediate], "127.0.0.1",
            PinnedAnchorSet.FromPem([clientOnly.RootPem]));

        Assert.Equal(PinCheckFailure.InvalidChain, result.Failure);
    }

    [Fact]
    public void Refuses_a_missing_certificate()
    {
        var result = PinnedCertificateValidator.Check(null, [], "127.0.0.1", Pins);

        Assert.Equal(PinCheckFailure.NoCertificate, result.Failure);
    }

    [Fact]
    public void Refuses_to_pin_an_intermediate()
    {
        Assert.Throws<ArgumentException>(() => PinnedAnchorSet.FromPem([_pinned.Intermediate.ExportCertificatePem()]));
    }
}
