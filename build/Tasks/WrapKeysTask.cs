using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Wraps every release's content key for every recipient (docs/PROTOCOL.md section 8) and computes
/// each release's keyCheck. Only public recipient keys are needed; the ephemeral keys are derived
/// from the content-key secret, so the files are reproducible.
/// </summary>
[TaskName("WrapKeys")]
[TaskDescription("Wraps each release's content key for every recipient in keys/recipients.json (keys/<version>/<recipient id>).")]
[IsDependentOn(typeof(EncryptTask))]
public sealed class WrapKeysTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var recipients = context.Keys.Recipients;
        var secrets = context.Keys.ContentSecrets;
        var wrapped = context.EncryptedReleases.Select(e => Wrap(context, secrets, e, recipients)).ToList();
        context.WrappedKeys = wrapped;
        context.Log.Information("Wrapped {0} content key(s) for {1} recipient(s): {2} key file(s).",
            wrapped.Count, recipients.Count, wrapped.Sum(w => w.Keys.Count));
    }

    private static WrappedReleaseKeys Wrap(BuildContext context, ContentSecrets secrets, EncryptedRelease release, IReadOnlyList<Recipient> recipients)
    {
        var contentKey = secrets.ContentKey(release.Version);
        try
        {
            var keys = recipients.Select(recipient => WrapFor(context, secrets, release.Version, contentKey, recipient)).ToList();
            return new WrappedReleaseKeys(release.Release, WrappedKeyWriter.KeyCheck(contentKey), keys);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    private static WrappedKey WrapFor(BuildContext context, ContentSecrets secrets, string version, byte[] contentKey, Recipient recipient)
    {
        var ephemeral = secrets.EphemeralPrivateKey(version, recipient.PublicKey);
        try
        {
            return WrappedKeyWriter.Write(contentKey, recipient.PublicKey, ephemeral);
        }
        catch (ArgumentException exception)
        {
            // The registry checked the key's form (32 bytes of hex); what is left is a key of low
            // order, whose shared secret is zero: a device would refuse the file, and a key like
            // that is never a real device's.
            throw new BuildException(BuildErrorCode.InvalidRecipients,
                $"Recipient '{recipient.Name}' ({recipient.Kind.ToString().ToLowerInvariant()}, id {recipient.Id}) in {context.Paths.Display(Path.Combine(context.Paths.KeysDir, RecipientRegistry.FileName))} " +
                "cannot receive a content key: its X25519 public key has low order (the shared secret would be all zero, which devices refuse).",
                "Replace its publicKey with the X25519 public key the device itself generated, or remove the entry.", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
        }
    }
}
