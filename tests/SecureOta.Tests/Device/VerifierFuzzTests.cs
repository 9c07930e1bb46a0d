using System.Text;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

/// <summary>
/// Random mutations of valid signed documents: every outcome must be acceptance or a typed failure,
/// never an exception. Payload mutations are re-signed, so they reach the member checks (C5, R5)
/// instead of stopping at the signature. Seeds are fixed so a failure reproduces.
/// </summary>
public sealed class VerifierFuzzTests : IDisposable
{
    private const long Issued = 1_800_000_000;
    private static readonly byte[] Interesting = Encoding.ASCII.GetBytes("{}[]\":,\\u0123456789abcdefABC-+.e /ntrufl");
    private readonly TestTrust _trust = new();

    public void Dispose() => _trust.Dispose();

    [Fact]
    public void Mutated_manifest_payloads_only_ever_fail_with_a_typed_failure()
    {
        byte[] payload = Encoding.UTF8.GetBytes(TestDocuments.Channel(TestArtifact.Random(5000, 1), Issued, Issued, Issued + 1000).ToJsonString());
        var outcomes = new Dictionary<string, int>();
        var random = new Random(1234);
        for (int round = 0; round < 1500; round++)
        {
            byte[] envelope = TestEnvelope.Sign(TestEnvelope.ChannelType, Mutate(payload, random), _trust.ReleaseKeys[0]);
            bool ok = ChannelManifestVerifier.TryVerify(envelope, _trust.Root, "stable", Issued - 1, 0, Issued, out VerifiedManifest verified, out VerificationFailure failure);
            Count(outcomes, ok, verified, failure);
        }
        Assert.True(outcomes.GetValueOrDefault("ok") > 0, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("C5 Malformed") > 100, Describe(outcomes));
    }

    [Fact]
    public void Mutated_manifest_envelopes_only_ever_fail_with_a_typed_failure()
    {
        byte[] envelope = _trust.SignManifest(TestDocuments.Channel(TestArtifact.Random(5000, 2), Issued, Issued, Issued + 1000));
        var outcomes = new Dictionary<string, int>();
        var random = new Random(5678);
        for (int round = 0; round < 1500; round++)
        {
            bool ok = ChannelManifestVerifier.TryVerify(Mutate(envelope, random), _trust.Root, "stable", Issued - 1, 0, Issued, out VerifiedManifest verified, out VerificationFailure failure);
            Count(outcomes, ok, verified, failure);
        }
        Assert.True(outcomes.GetValueOrDefault("C2 Malformed") > 100, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("C4 SignatureThreshold") > 10, Describe(outcomes));
    }

    [Fact]
    public void Mutated_root_payloads_only_ever_fail_with_a_typed_failure()
    {
        byte[] payload = Encoding.UTF8.GetBytes(_trust.RootPayload(2).ToJsonString());
        var outcomes = new Dictionary<string, int>();
        var random = new Random(91011);
        for (int round = 0; round < 600; round++)
        {
            byte[] envelope = TestEnvelope.Sign(TestEnvelope.RootType, Mutate(payload, random), _trust.RootKeys[0], _trust.RootKeys[1]);
            bool ok = RootVerifier.TryAcceptNext(_trust.Root, envelope, out TrustedRoot next, out VerificationFailure failure);
            Assert.Equal(ok, next != null);
            Count(outcomes, ok, null, failure);
        }
        Assert.True(outcomes.GetValueOrDefault("R5 Malformed") > 100, Describe(outcomes));
    }

    private static void Count(Dictionary<string, int> outcomes, bool ok, VerifiedManifest? verified, VerificationFailure? failure)
    {
        string key;
        if (ok)
        {
            Assert.Null(failure);
            key = "ok";
        }
        else
        {
            Assert.Null(verified);
            Assert.NotNull(failure);
            Assert.False(string.IsNullOrWhiteSpace(failure!.Message));
            key = failure.Step + " " + failure.Error;
        }
        outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
    }

    private static string Describe(Dictionary<string, int> outcomes) => string.Join(", ", outcomes.Select(o => o.Key + "=" + o.Value));

    private static byte[] Mutate(byte[] document, Random random)
    {
        var bytes = new List<byte>(document);
        int edits = 1 + random.Next(3);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                default: bytes[at] = (byte)random.Next(256); break;
            }
        }
        return bytes.ToArray();
    }
}
