using System.Security.Cryptography;
using SecureOta.Build.Crypto;

namespace SecureOta.Build.Keys;

/// <summary>
/// The keys one build works with, resolved once by the LoadKeys task: the release signing keys
/// (enough of the newest root's release role to meet its threshold), the build secret the
/// per-release randomness is derived from (PROTOCOL.md section 10), the verified root history, the
/// recipients to wrap content keys for, and, in a DEMO build only, the DEMO device's private key so
/// the Verify task can unwrap a content key exactly as a device would. Disposing wipes the secrets.
/// </summary>
public sealed class KeyMaterial : IDisposable
{
    private readonly byte[] _buildSecret;

    public KeyMaterial(bool isDemo, IReadOnlyList<Ed25519KeyPair> releaseSigners, byte[] buildSecret, RootHistory roots,
        IReadOnlyList<Recipient> recipients, X25519KeyPair? demoDevice)
    {
        ArgumentNullException.ThrowIfNull(releaseSigners);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(recipients);
        if (releaseSigners.Count == 0) throw new ArgumentException("at least one release signing key is needed", nameof(releaseSigners));
        if (buildSecret is not { Length: 32 }) throw new ArgumentException("the build secret is a 32-byte seed", nameof(buildSecret));
        IsDemo = isDemo;
        ReleaseSigners = releaseSigners;
        _buildSecret = (byte[])buildSecret.Clone();
        Roots = roots;
        Recipients = recipients;
        DemoDevice = demoDevice;
    }

    /// <summary>True when the keys are DEMO keys generated on demand (never for real devices).</summary>
    public bool IsDemo { get; }

    /// <summary>The release keys that sign the channel manifests.</summary>
    public IReadOnlyList<Ed25519KeyPair> ReleaseSigners { get; }

    /// <summary>The seed of the first release key: the secret S of PROTOCOL.md section 10 (a copy).</summary>
    public byte[] BuildSecret => (byte[])_buildSecret.Clone();

    /// <summary>Every root version, verified as a chain.</summary>
    public RootHistory Roots { get; }

    /// <summary>Recipients each release's content key is wrapped for.</summary>
    public IReadOnlyList<Recipient> Recipients { get; }

    /// <summary>The DEMO device's X25519 key pair in a DEMO build; null otherwise.</summary>
    public X25519KeyPair? DemoDevice { get; }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buildSecret);
        foreach (var signer in ReleaseSigners) signer.Dispose();
        DemoDevice?.Dispose();
    }
}
