using System.Text.Json.Nodes;
using ContentKeyDerivation = SecureOta.Build.Publishing.ContentKeyDerivation;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The rollout as a device sees it: a channel manifest carrying the build's salt for a channel and
/// release (PROTOCOL.md section 10) and a percent, signed and verified with the device core, whose
/// <see cref="RolloutPolicy"/> then decides each simulated device with the host's HMAC.
/// </summary>
internal sealed class DeviceRollout : IDisposable
{
    private static readonly TestArtifact Artifact = TestArtifact.Random(5000, seed: 7);
    private readonly TestTrust _trust = new();
    private readonly DotNetHmacSha256 _hmac = new();


    /// <summary>The verified policy of a manifest for <paramref name="version"/> on <paramref name="channel"/> at <paramref name="percent"/>.</summary>
    public RolloutPolicy Policy(string channel, string version, int percent)
    {
        var payload = TestDocuments.Channel(Artifact, sequence: 1_800_000_000, issued: 1_800_000_000, expires: 1_800_600_000, version: version);
        payload["channel"] = channel;
        payload["rollout"] = new JsonObject
        {
            ["percent"] = percent,
            ["salt"] = Convert.ToHexStringLower(ContentKeyDerivation.RolloutSalt(TestDocuments.Product, channel, version)),
        };
        var envelope = _trust.SignManifest(payload);
        Assert.True(ChannelManifestVerifier.TryVerify(envelope, _trust.Root, channel, 0, 0, 1_800_000_100, out var verified, out var failure), failure?.ToString());
        return verified.Manifest.Rollout;
    }

    /// <summary>The indexes of the devices of <paramref name="fleet"/> inside the rollout.</summary>
    public HashSet<int> Cohort(RolloutPolicy policy, IReadOnlyList<byte[]> fleet) =>
        Enumerable.Range(0, fleet.Count).Where(i => policy.Includes(_hmac, fleet[i])).ToHashSet();

    /// <summary><paramref name="count"/> random 32-byte device ids (recipient ids), from a fixed seed.</summary>
    public static IReadOnlyList<byte[]> Fleet(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var id = new byte[RolloutPolicy.DeviceIdSize];
            random.NextBytes(id);
            return id;
        }).ToList();
    }

    public void Dispose() => _trust.Dispose();
}
