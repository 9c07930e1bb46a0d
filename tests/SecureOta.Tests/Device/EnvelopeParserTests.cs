using System.Text;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

public class EnvelopeParserTests
{
    private static readonly string KeyId = new('a', 64);
    private static readonly string Sig = Convert.ToBase64String(new byte[64]);

    private static string Envelope(string payload = "\"e30=\"", string signatures = null!, string extra = "") =>
        "{\"payloadType\":\"t\",\"payload\":" + payload + ",\"signatures\":" +
        (signatures ?? "[{\"keyid\":\"" + KeyId + "\",\"sig\":\"" + Sig + "\"}]") + extra + "}";

    private static SignedEnvelope Parse(string json)
    {
        Assert.True(EnvelopeParser.TryParse(Encoding.UTF8.GetBytes(json), out SignedEnvelope envelope, out string reason), reason);
        return envelope;
    }

    private static string Reject(string json)
    {
        Assert.False(EnvelopeParser.TryParse(Encoding.UTF8.GetBytes(json), out SignedEnvelope envelope, out string reason));
        Assert.Null(envelope);
        return reason;
    }

    [Fact]
    public void Parses_type_payload_and_signatures_and_ignores_unknown_members()
    {
        SignedEnvelope envelope = Parse(Envelope(extra: ",\"future\":{\"x\":1}"));
        Assert.Equal("t", envelope.PayloadType);
        Assert.Equal("{}"u8.ToArray(), envelope.Payload);
        Assert.Equal(1, envelope.SignatureCount);
        Assert.Equal(KeyId, envelope.GetSignature(0).KeyId);
        Assert.Equal(64, envelope.GetSignature(0).Signature.Length);
    }

    [Theory]
    [InlineData("\"e30\"")]        // missing padding
    [InlineData("\"e3 0=\"")]      // embedded whitespace
    [InlineData("\"e30=\\n\"")]    // trailing newline
    [InlineData("\"-_8=\"")]       // URL-safe alphabet
    [InlineData("\"e31=\"")]       // non-zero unused bits: a second spelling of the same bytes
    [InlineData("\"=e30\"")]
    [InlineData("\"e3==\"")]       // non-zero unused bits with two pads
    [InlineData("123")]
    public void Rejects_payload_that_is_not_strict_base64(string payload)
    {
        Reject(Envelope(payload: payload));
    }

    [Fact]
    public void Accepts_empty_signature_list_for_the_threshold_check_to_refuse()
    {
        Assert.Equal(0, Parse(Envelope(signatures: "[]")).SignatureCount);
    }

    [Fact]
    public void Rejects_more_than_sixteen_signatures_before_any_is_verified()
    {
        string one = "{\"keyid\":\"" + KeyId + "\",\"sig\":\"" + Sig + "\"}";
        Assert.Equal(16, Parse(Envelope(signatures: "[" + string.Join(",", Enumerable.Repeat(one, 16)) + "]")).SignatureCount);
        Assert.Contains("16", Reject(Envelope(signatures: "[" + string.Join(",", Enumerable.Repeat(one, 17)) + "]")));
    }

    [Theory]
    [InlineData("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")] // uppercase
    [InlineData("abcd")]
    [InlineData("zzcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    public void Rejects_key_ids_that_are_not_64_lowercase_hex(string keyId)
    {
        Assert.Contains("keyid", Reject(Envelope(signatures: "[{\"keyid\":\"" + keyId + "\",\"sig\":\"" + Sig + "\"}]")));
    }

    [Fact]
    public void Rejects_signature_that_is_not_64_bytes()
    {
        string shortSig = Convert.ToBase64String(new byte[63]);
        Assert.Contains("sig", Reject(Envelope(signatures: "[{\"keyid\":\"" + KeyId + "\",\"sig\":\"" + shortSig + "\"}]")));
    }

    [Theory]
    [InlineData("{\"payload\":\"e30=\",\"signatures\":[]}")]
    [InlineData("{\"payloadType\":1,\"payload\":\"e30=\",\"signatures\":[]}")]
    [InlineData("{\"payloadType\":\"t\",\"signatures\":[]}")]
    [InlineData("{\"payloadType\":\"t\",\"payload\":\"e30=\"}")]
    [InlineData("{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":{}}")]
    [InlineData("{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[1]}")]
    [InlineData("{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"AA==\"}]}")]
    [InlineData("[]")]
    [InlineData("{\"payloadType\":\"t\",\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[]}")]
    public void Rejects_envelopes_missing_members_or_with_wrong_types(string json)
    {
        Reject(json);
    }

    [Fact]
    public void Strict_base64_round_trips_every_length()
    {
        var random = new Random(7);
        for (int length = 0; length < 70; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.True(StrictBase64.TryDecode(Convert.ToBase64String(data), out byte[] decoded));
            Assert.Equal(data, decoded);
        }
    }
}
