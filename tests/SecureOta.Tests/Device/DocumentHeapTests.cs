using System.Text;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

/// <summary>
/// What a document may cost in heap before and after its signatures are checked (docs/PROTOCOL.md sections 3,
/// 4 and 11 "Heap"): members nobody reads are checked but never materialised, and what parsing may allocate
/// before a signature is checked is bounded by limits that are refused with a typed failure first.
/// Byte counts come from GC.GetAllocatedBytesForCurrentThread, which is exact for this thread.
/// </summary>
public sealed class DocumentHeapTests
{
    private static readonly TestSigner Release = new();

    private static byte[] Payload() => Encoding.UTF8.GetBytes("{\"type\":\"secureota/channel\",\"note\":\"" + new string('p', 600) + "\"}");

    private static byte[] Envelope(string extraMembers) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestEnvelope.Sign(TestEnvelope.ChannelType, Payload(), Release)).TrimEnd('}') + extraMembers + "}");

    private static string Junk(int elements) => ",\"junk\":[" + string.Join(",", Enumerable.Repeat("{}", elements)) + "]";

    private static long Allocated(Action action)
    {
        action(); // once to load and initialise everything the call touches
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long ParseCost(byte[] envelope) =>
        Allocated(() => Assert.True(EnvelopeParser.TryParse(envelope, out _, out string reason), reason));

    [Fact]
    public void Junk_members_in_a_manifest_allocate_no_tree()
    {
        byte[] plain = Envelope("");
        byte[] padded = Envelope(Junk(5000));
        Assert.InRange(padded.Length, 15000, ChannelManifestVerifier.MaxEnvelopeSize);

        long plainCost = ParseCost(plain);
        long paddedCost = ParseCost(padded);

        // 5000 junk objects used to cost a Hashtable and an ArrayList each (about 1.2 MB for 16 KiB);
        // now they cost nothing beyond the bytes already read.
        Assert.Equal(plainCost, paddedCost);
        Assert.True(EnvelopeParser.TryParse(padded, out SignedEnvelope signed, out _));
        Assert.Equal(1, SignatureThreshold.CountValidKeys(signed, new SigningRole("release", 1, [Release.KeyId], [Release.PublicKey])));
    }

    [Fact]
    public void Parsing_an_envelope_allocates_little_more_than_the_signed_message()
    {
        byte[] envelope = Envelope(Junk(3000) + ",\"more\":{\"deep\":[[[[{\"x\":\"" + new string('j', 4000) + "\"}]]]]}");
        Assert.True(EnvelopeParser.TryParse(envelope, out SignedEnvelope signed, out _));

        long cost = ParseCost(envelope);

        // The message PAE(type, payload), one signature (key id string and 64 bytes), the payload type, a few small
        // views and their member indexes (about 2.3 KB on the host, where strings take two bytes a character).
        Assert.InRange(cost, signed.Message.Length, signed.Message.Length + 3072);
    }

    [Fact]
    public void Unknown_payload_members_are_checked_but_never_read()
    {
        byte[] small = Encoding.UTF8.GetBytes("{\"a\":1,\"b\":\"x\"}");
        byte[] large = Encoding.UTF8.GetBytes("{\"a\":1,\"junk\":[" + string.Join(",", Enumerable.Repeat("{\"k\":[1,2,\"v\"]}", 2000)) + "],\"b\":\"x\"}");

        long Read(byte[] json) => Allocated(() =>
        {
            Assert.True(JsonReader.TryParse(json, out object value, out string reason), reason);
            var reader = new JsonObjectReader((JsonObject)value, "");
            Assert.Equal(1, reader.RequireInteger("a", 0, 9));
            Assert.Equal("x", reader.RequireString("b"));
        });

        Assert.Equal(Read(small), Read(large));
        Assert.Contains("duplicate", Reject("{\"junk\":[{\"k\":1,\"k\":2}]}"));
        Assert.Contains("integers", Reject("{\"junk\":[{\"k\":1.5}]}"));
    }

    private static string Reject(string json)
    {
        Assert.False(JsonReader.TryParse(Encoding.UTF8.GetBytes(json), out _, out string reason));
        return reason;
    }

    [Fact]
    public void An_object_of_more_than_64_members_is_refused_at_C2_before_any_signature_work()
    {
        string Members(int count) => ",\"junk\":{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"m{i}\":0")) + "}";
        using var trust = new TestTrust();
        Assert.True(EnvelopeParser.TryParse(Envelope(Members(JsonReader.MaxMembers)), out _, out string reason), reason);

        Assert.False(ChannelManifestVerifier.TryVerify(Envelope(Members(JsonReader.MaxMembers + 1)), trust.Root, "stable", 0, 0, 0, out _, out VerificationFailure failure));

        Assert.Equal("C2", failure.Step);
        Assert.Equal(VerificationError.Malformed, failure.Error);
        Assert.Contains("more than 64 members", failure.Message);
    }

    [Fact]
    public void An_oversized_payload_type_or_key_id_is_refused_before_it_is_decoded()
    {
        string Long(int length) => new string('t', length);
        byte[] longType = TestEnvelope.Build(Long(EnvelopeParser.MaxPayloadTypeLength + 1), Payload(), [(Release.KeyId, new byte[64])]);
        byte[] longKeyId = TestEnvelope.Build(TestEnvelope.ChannelType, Payload(), [(Long(10000), new byte[64])]);

        Assert.False(EnvelopeParser.TryParse(longType, out _, out string typeReason));
        Assert.False(EnvelopeParser.TryParse(longKeyId, out _, out string keyReason));
        long cost = Allocated(() => EnvelopeParser.TryParse(longKeyId, out _, out _));

        Assert.Contains("payloadType must be a string of at most 128 characters", typeReason);
        Assert.Contains("keyid must be a string of at most 64 characters", keyReason);
        Assert.True(cost < 10000, $"refusing a 10,000-character key id allocated {cost} bytes");
        Assert.True(EnvelopeParser.TryParse(TestEnvelope.Build(Long(EnvelopeParser.MaxPayloadTypeLength), Payload(), []), out _, out string reason), reason);
    }
}
