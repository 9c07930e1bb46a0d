using SecureOta.Device.Core.Envelopes;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

public sealed class SignatureThresholdTests : IDisposable
{
    private const string Type = TestEnvelope.ChannelType;
    private readonly byte[] _payload = "{\"hello\":1}"u8.ToArray();
    private readonly TestSigner[] _keys = TestSigner.Many(4);

    public void Dispose()
    {
        foreach (TestSigner key in _keys) key.Dispose();
    }

    /// <summary>A role of the first three keys with the given threshold; the fourth key is an outsider.</summary>
    private SigningRole Role(int threshold) =>
        new("release", threshold, _keys[..3].Select(k => k.KeyId).ToArray(), _keys[..3].Select(k => k.PublicKey).ToArray());

    private static SignedEnvelope Parse(byte[] bytes)
    {
        Assert.True(EnvelopeParser.TryParse(bytes, out SignedEnvelope envelope, out string reason), reason);
        return envelope;
    }

    private (string, byte[]) SignatureBy(TestSigner key) => (key.KeyId, key.Sign(TestEnvelope.Pae(Type, _payload)));

    [Fact]
    public void Threshold_met_by_distinct_role_keys()
    {
        SignedEnvelope envelope = Parse(TestEnvelope.Sign(Type, _payload, _keys[0], _keys[2]));
        Assert.True(SignatureThreshold.IsMet(envelope, Role(2)));
        Assert.Equal(2, SignatureThreshold.CountValidKeys(envelope, Role(3)));
    }

    [Fact]
    public void Rejects_under_threshold()
    {
        SignedEnvelope envelope = Parse(TestEnvelope.Sign(Type, _payload, _keys[1]));
        Assert.False(SignatureThreshold.IsMet(envelope, Role(2)));
    }

    [Fact]
    public void Duplicate_signatures_by_one_key_count_once()
    {
        var one = SignatureBy(_keys[0]);
        SignedEnvelope envelope = Parse(TestEnvelope.Build(Type, _payload, [one, one, one]));
        Assert.Equal(1, SignatureThreshold.CountValidKeys(envelope, Role(2)));
        Assert.False(SignatureThreshold.IsMet(envelope, Role(2)));
    }

    [Fact]
    public void Signature_by_key_not_in_role_is_ignored()
    {
        SignedEnvelope envelope = Parse(TestEnvelope.Sign(Type, _payload, _keys[0], _keys[3]));
        Assert.Equal(1, SignatureThreshold.CountValidKeys(envelope, Role(2)));
    }

    [Fact]
    public void Outsider_signature_under_a_role_key_id_does_not_count()
    {
        var (_, outsiderSignature) = SignatureBy(_keys[3]);
        SignedEnvelope envelope = Parse(TestEnvelope.Build(Type, _payload, [(_keys[0].KeyId, outsiderSignature)]));
        Assert.False(SignatureThreshold.IsMet(envelope, Role(1)));
    }

    [Fact]
    public void Rejects_signature_with_flipped_bit()
    {
        var (keyId, signature) = SignatureBy(_keys[0]);
        signature[10] ^= 0x01;
        SignedEnvelope envelope = Parse(TestEnvelope.Build(Type, _payload, [(keyId, signature)]));
        Assert.False(SignatureThreshold.IsMet(envelope, Role(1)));
    }

    [Fact]
    public void Valid_signature_after_a_bad_one_by_the_same_key_still_counts()
    {
        var good = SignatureBy(_keys[0]);
        byte[] bad = (byte[])good.Item2.Clone();
        bad[0] ^= 0x80;
        SignedEnvelope envelope = Parse(TestEnvelope.Build(Type, _payload, [(good.Item1, bad), good]));
        Assert.True(SignatureThreshold.IsMet(envelope, Role(1)));
    }

    [Fact]
    public void Signature_covers_the_payload_type_through_pae()
    {
        // Signed as a root document, presented as a channel manifest with the same payload bytes.
        byte[] rootSignature = _keys[0].Sign(TestEnvelope.Pae(TestEnvelope.RootType, _payload));
        SignedEnvelope envelope = Parse(TestEnvelope.Build(Type, _payload, [(_keys[0].KeyId, rootSignature)]));
        Assert.False(SignatureThreshold.IsMet(envelope, Role(1)));
    }

    [Fact]
    public void Core_pae_matches_the_specification()
    {
        Assert.Equal(TestEnvelope.Pae(Type, _payload), Pae.Encode(Type, _payload));
        Assert.Equal("DSSEv1 1 t 0 "u8.ToArray(), Pae.Encode("t", []));
    }

    [Fact]
    public void Role_refuses_duplicate_key_ids_and_impossible_thresholds()
    {
        byte[] key = _keys[0].PublicKey;
        Assert.Throws<ArgumentException>(() => new SigningRole("r", 1, [_keys[0].KeyId, _keys[0].KeyId], [key, key]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SigningRole("r", 2, [_keys[0].KeyId], [key]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SigningRole("r", 0, [_keys[0].KeyId], [key]));
    }
}
