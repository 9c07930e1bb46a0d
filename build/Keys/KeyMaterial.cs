using System.Security.Cryptography;
using SecureOta.Build.Crypto;

namespace SecureOta.Build.Keys;

/// <summary>
/// The keys one build works with, resolved once by the LoadKeys task: the release signing keys
/// (enough of the newest root's release role to meet its threshold), the content-key secret the
/// per-release keys are derived from (PROTOCOL.md section 10; independent of every signing key), the
/// verified root history, the recipients to wrap content keys for, and, in a DEMO build only, the DEMO
/// approval key (to approve releases that have no approval) and the DEMO device's private key so the
/// Verify task can unwrap a content key exactly as a device would. Disposing wipes the secrets.
/// </summary>
public sealed class KeyMaterial : IDisposable
{
    private readonly ContentSecrets _contentSecrets;

    public KeyMaterial(bool isDemo, IReadOnlyList<Ed25519KeyPair> releaseSigners, ContentSecrets contentSecrets, RootHistory roots,
        IReadOnlyList<Recipient> recipients, X25519KeyPair? demoDevice, Ed25519KeyPair? demoApprover = null)
    {
        ArgumentNullException.ThrowIfNull(releaseSigners);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(recipients);
        if (releaseSigners.Count == 0) throw new ArgumentException("at least one release signing key is needed", nameof(releaseSigners));
        ArgumentNullException.ThrowIfNull(contentSecrets);
        IsDemo = isDemo;
        ReleaseSigners = releaseSigners;
        _contentSecrets = contentSecrets;
        Roots = roots;
        Recipients = recipients;
        DemoDevice = demoDevice;
        DemoApprover = demoApprover;
    }

    /// <summary>True when the keys are DEMO keys generated on demand (never for real devices).</summary>
    public bool IsDemo { get; }

    /// <summary>The release keys that sign the channel manifests.</summary>
    public IReadOnlyList<Ed25519KeyPair> ReleaseSigners { get; }

    /// <summary>The content-key secrets S of PROTOCOL.md section 10 (no signing key), which derive each release's keys.</summary>
    public ContentSecrets ContentSecrets => _contentSecrets;

    /// <summary>The product id of the newest root, which every manifest and approval names.</summary>
    public string Product => Roots.Newest.Product;

    /// <summary>Every root version, verified as a chain.</summary>
    public RootHistory Roots { get; }

    /// <summary>Recipients each release's content key is wrapped for.</summary>
    public IReadOnlyList<Recipient> Recipients { get; }

    /// <summary>The DEMO device's X25519 key pair in a DEMO build; null otherwise.</summary>
    public X25519KeyPair? DemoDevice { get; }

    /// <summary>The DEMO approval key in a DEMO build (approves releases without an approval, in memory only); null otherwise.</summary>
    public Ed25519KeyPair? DemoApprover { get; }

    public void Dispose()
    {
        _contentSecrets.Dispose();
        foreach (var signer in ReleaseSigners) signer.Dispose();
        DemoDevice?.Dispose();
        DemoApprover?.Dispose();
    }
}
