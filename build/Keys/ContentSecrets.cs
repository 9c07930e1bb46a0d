using System.Security.Cryptography;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Keys;

/// <summary>
/// The content-key secrets of one build and the schedule that says which derives which release's keys
/// (<see cref="ContentSecretSchedule"/>): derives each release's content key and the ephemeral keys of its
/// wrapped keys (docs/PROTOCOL.md section 10) without handing any secret out. Disposing wipes them.
/// </summary>
public sealed class ContentSecrets : IDisposable
{
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);
    private readonly ContentSecretSchedule? _schedule;
    private readonly string _first;

    /// <param name="secrets">The secrets given, newest first; without a schedule the first derives every key.</param>
    /// <param name="schedule">keys/content-secrets.json, or null.</param>
    public ContentSecrets(IReadOnlyList<byte[]> secrets, ContentSecretSchedule? schedule)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0) throw new ArgumentException("at least one content-key secret is needed", nameof(secrets));
        foreach (var secret in secrets)
        {
            if (secret is not { Length: 32 }) throw new ArgumentException("a content-key secret is 32 bytes", nameof(secrets));
            _byId.TryAdd(ContentSecretSchedule.IdOf(secret), (byte[])secret.Clone());
        }
        _first = ContentSecretSchedule.IdOf(secrets[0]);
        _schedule = schedule;
    }

    /// <summary>The content key of release <paramref name="version"/>.</summary>
    public byte[] ContentKey(string version) => ContentKeyDerivation.ContentKey(SecretFor(version), version);

    /// <summary>The ephemeral X25519 private key of the wrapped key of release <paramref name="version"/> for a recipient.</summary>
    public byte[] EphemeralPrivateKey(string version, byte[] recipientPublicKey) =>
        ContentKeyDerivation.EphemeralPrivateKey(SecretFor(version), version, recipientPublicKey);

    private byte[] SecretFor(string version)
    {
        if (_schedule is null) return _byId[_first];
        var id = _schedule.IdFor(SemVersion.Parse(version));
        if (_byId.TryGetValue(id, out var secret)) return secret;
        throw new BuildException(BuildErrorCode.MissingKey,
            $"Release {version}'s content keys come from the content-key secret {id} (keys/{ContentSecretSchedule.FileName}), which was not given.",
            $"Give every secret the schedule still uses: {ContentSecretSource.EnvironmentVariable} holds several base64 secrets separated by spaces " +
            $"(newest first), or repeat --{ContentSecretSource.FileArgument}=<file>.");
    }

    public void Dispose()
    {
        foreach (var secret in _byId.Values) CryptographicOperations.ZeroMemory(secret);
    }
}
