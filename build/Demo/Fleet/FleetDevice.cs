using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Keys;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// One device of the demo fleet: its DEMO X25519 key (derived from its number, so the fleet and its
/// rollout cohorts are the same on every run), its id and its state folder (its flash). Its reports are the
/// device core's own, sent to the collector its root names.
/// </summary>
internal sealed class FleetDevice
{
    public FleetDevice(int number, string stateDir)
    {
        Number = number;
        StateDir = stateDir;
        PrivateKey = SHA256.HashData(Encoding.ASCII.GetBytes($"SecureOta DEMO fleet device {number}"));
        PublicKey = new byte[32];
        X25519.ScalarMultBase(PublicKey, PrivateKey);
        Id = Convert.ToHexStringLower(SHA256.HashData(PublicKey));
    }

    public int Number { get; }

    public string Name => $"DEMO-fleet-{Number:000}";

    /// <summary>Even-numbered devices are "hardware revision B", where the bad release's app never confirms.</summary>
    public bool IsRevisionB => Number % 2 == 0;

    public string StateDir { get; }

    public byte[] PrivateKey { get; }

    public byte[] PublicKey { get; }

    public string Id { get; }

    /// <summary>The version it runs now (null before provisioning).</summary>
    public string? Running { get; set; }

    /// <summary>Every release it ever scheduled a trial of.</summary>
    public HashSet<string> Tried { get; } = new(StringComparer.Ordinal);

    public Recipient Recipient => new(Name, RecipientKind.Device, PublicKey);
}
