using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

[TaskName("LoadKeys")]
[TaskDescription("Resolves the release signing keys (SECUREOTA_RELEASE_KEY or --release-key) and the content-key secret (SECUREOTA_CONTENT_SECRET or --content-secret; DEMO keys otherwise), the root history and the recipients.")]
public sealed class LoadKeysTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var files = context.GetArguments(ReleaseKeySource.FileArgument);
        var environmentValue = context.Environment.GetEnvironmentVariable(ReleaseKeySource.EnvironmentVariable);
        var recipients = RecipientRegistry.Load(context.Paths.KeysDir, context.Paths.Display(Path.Combine(context.Paths.KeysDir, RecipientRegistry.FileName)));

        if (ReleaseKeySource.IsGiven(files, environmentValue))
        {
            context.Keys = LoadReal(context, files, environmentValue, recipients);
        }
        else if (context.RequiresReleaseKey)
        {
            ReleaseKeySource.ReadSeeds(files, environmentValue); // throws the "no release key" error
        }
        else
        {
            context.Keys = LoadDemo(context, recipients);
        }

        var keys = context.Keys;
        context.Log.Information("Release keys: {0} ({1}); product {4}, root version {2}; {3} recipient(s).",
            string.Join(", ", keys.ReleaseSigners.Select(s => Publishing.KeyId.Of(s.PublicKey)[..16])),
            keys.IsDemo ? "DEMO keys from " + context.Paths.Display(context.Paths.DemoKeysDir) : "from " + (files.Count > 0 ? "--release-key" : ReleaseKeySource.EnvironmentVariable),
            keys.Roots.Count, keys.Recipients.Count, keys.Product);
    }

    private static KeyMaterial LoadReal(BuildContext context, IReadOnlyList<string> files, string? environmentValue, IReadOnlyList<Recipient> recipients)
    {
        // The key itself first: a missing or malformed key is the most likely mistake.
        var seeds = ReleaseKeySource.ReadSeeds(files, environmentValue);
        var roots = RootHistory.Load(Path.Combine(context.Paths.KeysDir, "root"), context.Paths.Display);
        CheckRootNotExpired(context, roots);
        var signers = ReleaseKeySource.Authorize(seeds, roots.Newest);
        if (recipients.Count == 0)
        {
            foreach (var signer in signers) signer.Dispose();
            throw new BuildException(BuildErrorCode.InvalidRecipients, "No recipients are registered in keys/recipients.json: nobody could decrypt a release.",
                "Register at least one device, group or fleet key in keys/recipients.json.");
        }

        IReadOnlyList<byte[]> contentSecrets;
        ContentSecretSchedule? schedule;
        try
        {
            contentSecrets = ContentSecretSource.Read(context.GetArguments(ContentSecretSource.FileArgument),
                context.Environment.GetEnvironmentVariable(ContentSecretSource.EnvironmentVariable));
            schedule = ContentSecretSchedule.Load(context.Paths.KeysDir, context.Paths.Display);
        }
        catch
        {
            foreach (var signer in signers) signer.Dispose();
            throw;
        }
        var keys = new KeyMaterial(false, signers, new ContentSecrets(contentSecrets, schedule), roots, recipients, demoDevice: null);
        foreach (var seed in seeds.Concat(contentSecrets)) System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        return keys;
    }

    private static KeyMaterial LoadDemo(BuildContext context, IReadOnlyList<Recipient> recipients)
    {
        CheckCommittedRoots(context);
        var store = new DemoKeyStore(context.Paths.DemoKeysDir);
        var anchors = TlsAnchorSet.Load(Path.Combine(context.Paths.KeysDir, TlsAnchorSet.FolderName), context.Paths.Display).ToList();
        // DEMO only: the DEMO root also pins the local TEST CA, so the simulated device of the Demo target
        // trusts the local HTTPS server. Real roots (keys/root/) never do.
        anchors.Add(store.EnsureTestCertificateAuthority(out bool newAuthority));
        if (newAuthority)
        {
            context.Log.Warning("Generated a TEST CA in {0} for the Demo's local HTTPS server; the DEMO root pins it. Never trust it elsewhere.",
                context.Paths.Display(store.TestCertificateAuthorityDir));
        }
        if (store.EnsureCreated(context.Now, anchors))
        {
            context.Log.Warning("Generated DEMO keys in {0}: for demonstration only, never for real devices.", context.Paths.Display(context.Paths.DemoKeysDir));
        }
        else
        {
            context.Log.Information("Using DEMO keys from {0} (no release key given).", context.Paths.Display(context.Paths.DemoKeysDir));
        }

        var roots = RootHistory.FromEnvelopes([store.ReadRootEnvelope()], _ => context.Paths.Display(Path.Combine(context.Paths.DemoKeysDir, DemoKeyStore.RootMetadataFile)));
        var seed = store.ReadReleaseSeed();
        var signers = ReleaseKeySource.Authorize([seed], roots.Newest);
        var device = store.ReadDevice();
        var demoRecipient = new Recipient(DemoKeyStore.DeviceName, RecipientKind.Device, device.PublicKey);
        var contentSecret = store.ReadContentSecret();
        var approvalSeed = store.ReadApprovalSeed();
        // DEMO builds derive every release's keys from the one DEMO secret; keys/content-secrets.json is a real repository's schedule.
        var keys = new KeyMaterial(true, signers, new ContentSecrets([contentSecret], schedule: null), roots, [.. recipients, demoRecipient], device,
            Crypto.Ed25519KeyPair.FromSeed(approvalSeed));
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(contentSecret);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(approvalSeed);
        return keys;
    }

    /// <summary>
    /// A DEMO build signs with DEMO keys, but CI runs it on every push: so a committed keys/root/ is
    /// verified link by link here too, and a broken version fails the build naming its file, long before
    /// a tag's Release build would. It is never used for signing.
    /// </summary>
    private static void CheckCommittedRoots(BuildContext context)
    {
        var rootDir = Path.Combine(context.Paths.KeysDir, "root");
        if (!Directory.Exists(rootDir) || Directory.GetFiles(rootDir, "*.json").Length == 0) return;
        var roots = RootHistory.Load(rootDir, context.Paths.Display);
        context.Log.Information("Checked the committed root chain in {0} (versions 1 to {1}); this DEMO build does not sign with it.",
            context.Paths.Display(rootDir), roots.Count);
    }

    private static void CheckRootNotExpired(BuildContext context, RootHistory roots)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(roots.Newest.Expires);
        if (expires <= context.Now)
        {
            throw new BuildException(BuildErrorCode.InvalidRoot, $"Root version {roots.Newest.Version} expired at {expires:u}; devices would refuse every update.",
                "Sign a new root version offline with ./build.sh --target=SignRoot and commit it under keys/root/.");
        }
        if (expires <= context.Now.AddDays(30))
        {
            context.Log.Warning("Root version {0} expires at {1:u}: sign the next root version with SignRoot soon.", roots.Newest.Version, expires);
        }
    }
}
