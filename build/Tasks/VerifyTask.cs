using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Build.Verification;
using SecureOta.Device.Core.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Verifies a site with the device core's own code (<see cref="SiteVerifier"/>) and prints a short summary.
/// After WriteSite in the same run (Default, Release) it checks what the build just wrote, with what the
/// build knows: its root history, its content keys, releases/ and the DEMO device key in a DEMO build, so
/// the build never deploys what a device would refuse. As a target of its own it builds nothing and
/// writes nothing: it reads the site folder as it is (a downloaded copy of the live site, say) with only
/// what a device or maintainer holds (<see cref="GivenSiteInputs"/>), so a tampered file fails by name
/// instead of being silently rebuilt. Both unwrap with every <c>--device-key=&lt;file&gt;</c> given.
/// </summary>
[TaskName("Verify")]
[TaskDescription("Verifies a site as a device would, with the device core, and changes nothing: root chain from the trusted root (keys/root/1.json, else the DEMO root), channel manifests, approvals, wrapped keys, every record of every artifact, every delta patch applied to its base, and no unlisted file (--site-dir=<site>, --device-key=<file> adds a recipient key to unwrap with, --content-secret decrypts with the build's keys).")]
public sealed class VerifyTask : FrostingTask<BuildContext>
{
    /// <summary>Repeatable: an X25519 private key file (KeyFile format) of a recipient to unwrap with.</summary>
    public const string DeviceKeyArgument = "device-key";

    public override void Run(BuildContext context)
    {
        var siteDir = context.Paths.SiteDir;
        var siteDisplay = context.Paths.Display(siteDir);
        if (!Directory.Exists(siteDir))
        {
            throw new BuildException(BuildErrorCode.VerificationFailed, $"There is no site to verify in {siteDisplay}.",
                "Run the WriteSite task first (./build.sh runs it), or point --site-dir at a written site.");
        }

        if (!context.SiteWritten)
        {
            VerifyGivenSite(context, siteDisplay);
            return;
        }

        var keys = context.Keys;
        var contentKeys = DeriveContentKeys(context, keys);
        try
        {
            var report = SiteVerifier.Verify(new SiteVerifierInputs
            {
                SiteDir = siteDir,
                ProvisionedRoot = keys.Roots.Envelope(1),
                Now = context.Now,
                RecipientKeys = LoadRecipientKeys(context, keys),
                BuildContentKeys = contentKeys,
                RegisteredRecipientIds = keys.Recipients.Select(r => r.Id).ToList(),
                BaseImages = context.Releases.Releases.Select(r => r.ImagePath).ToList(),
                ExpectedChannels = context.Releases.ByChannel.Where(c => !c.Value.IsEmpty).Select(c => c.Key).ToList(),
            });
            context.SiteVerification = report;
            context.Log.Information(SiteSummaryPrinter.Render(report, context.Now));
            report.ThrowIfFailed(siteDisplay);
        }
        finally
        {
            foreach (var key in contentKeys.Values) CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Verifies the site folder as it is, without building (the Verify target on its own).</summary>
    private static void VerifyGivenSite(BuildContext context, string siteDisplay)
    {
        var owned = new List<IDisposable>();
        Dictionary<string, byte[]>? contentKeys = null;
        try
        {
            var inputs = GivenSiteInputs.Create(context, owned, out contentKeys);
            var report = SiteVerifier.Verify(inputs);
            context.SiteVerification = report;
            context.Log.Information(SiteSummaryPrinter.Render(report, context.Now));
            report.ThrowIfFailed(siteDisplay);
        }
        finally
        {
            foreach (var key in contentKeys?.Values ?? Enumerable.Empty<byte[]>()) CryptographicOperations.ZeroMemory(key);
            foreach (var item in owned) item.Dispose();
        }
    }

    /// <summary>The DEMO device key (DEMO builds) and every --device-key file, as the device core's recipient keys.</summary>
    private static List<SiteRecipient> LoadRecipientKeys(BuildContext context, KeyMaterial keys)
    {
        var recipients = new List<SiteRecipient>();
        if (keys.DemoDevice is not null)
        {
            var path = Path.Combine(context.Paths.DemoKeysDir, DemoKeyStore.DeviceKeyFile);
            var recipient = new SiteRecipient("DEMO device key", ReadRecipientKey(path, "DEMO device key"));
            if (!recipient.Key.GetPublicKey().AsSpan().SequenceEqual(keys.DemoDevice.PublicKey))
            {
                throw new BuildException(BuildErrorCode.InvalidKey,
                    $"The DEMO device key in {context.Paths.Display(path)} changed while the build ran.",
                    "Run the build again; do not edit .demo-keys/ during a build.");
            }
            recipients.Add(recipient);
        }

        foreach (var file in context.GetArguments(DeviceKeyArgument))
        {
            var path = Path.GetFullPath(file, context.Environment.WorkingDirectory);
            var key = ReadRecipientKey(path, "device key");
            var registered = keys.Recipients.FirstOrDefault(r => r.Id == key.Id);
            recipients.Add(new SiteRecipient(registered is null ? $"unregistered device key {file}" : $"{registered.Name} key", key));
        }
        return recipients;
    }

    private static RecipientKey ReadRecipientKey(string path, string purpose)
    {
        var privateKey = KeyFile.Read(path, purpose);
        try
        {
            return new RecipientKey(privateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Each release's content key as the build derives it (PROTOCOL.md section 10); the caller wipes them.</summary>
    private static Dictionary<string, byte[]> DeriveContentKeys(BuildContext context, KeyMaterial keys)
    {
        return context.Releases.Releases.ToDictionary(
            r => r.Version.ToString(), r => keys.ContentSecrets.ContentKey(r.Version.ToString()), StringComparer.Ordinal);
    }
}
