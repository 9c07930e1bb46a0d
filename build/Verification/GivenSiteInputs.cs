using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Releases;
using SecureOta.Device.Core.Keys;

namespace SecureOta.Build.Verification;

/// <summary>
/// What the Verify target checks a site it did not build with: only what a device, or a maintainer
/// holding the repository, has at hand. It reads and never writes: no DEMO key is made, no site is
/// built, so a downloaded copy of the live site is checked as it is.
/// <list type="bullet">
/// <item>The trusted root version 1: <c>keys/root/1.json</c> when the repository has a root (the whole
/// committed chain is verified first, as a real build does), else the DEMO root the last DEMO build left
/// in the DEMO keys folder. Nothing else is trusted: the site's roots/ must follow from it.</item>
/// <item>Recipient keys: every <c>--device-key</c>, and the DEMO device key when the DEMO root is trusted.</item>
/// <item>Content keys, when a secret is at hand: the DEMO secret with the DEMO root, or the
/// content-key secret (<c>--content-secret</c> / SECUREOTA_CONTENT_SECRET) with a real root.</item>
/// <item>Base images for delta patches: the images under releases/, when it loads (samples/releases/ for a DEMO site when releases/ holds none).</item>
/// </list>
/// </summary>
internal static class GivenSiteInputs
{
    public static SiteVerifierInputs Create(BuildContext context, List<IDisposable> owned, out Dictionary<string, byte[]> contentKeys)
    {
        var paths = context.Paths;
        var siteDir = paths.SiteDir;
        var channelsDir = Path.Combine(siteDir, OtaPaths.OtaBase.TrimEnd('/'), "channels");
        if (!Directory.Exists(channelsDir) || Directory.GetFiles(channelsDir, "*.json").Length == 0)
        {
            throw new BuildException(BuildErrorCode.VerificationFailed,
                $"There is no site to verify in {paths.Display(siteDir)}: {paths.Display(channelsDir)} holds no channel manifest.",
                "Point --site-dir at a site folder (the one holding ota/v2/), or build one first with ./build.sh.");
        }

        var rootFile = Path.Combine(paths.KeysDir, "root", "1.json");
        var demo = new DemoKeyStore(paths.DemoKeysDir);
        bool isDemo = !File.Exists(rootFile);
        byte[] provisioned;
        if (!isDemo)
        {
            // The committed chain must hold before anything is checked against it (a broken keys/root/ is the repository's problem, not the site's).
            var history = RootHistory.Load(Path.Combine(paths.KeysDir, "root"), paths.Display);
            provisioned = history.Envelope(1);
            // Said up front: a site built with DEMO keys fails S1 against a real root, which is right but easy to misread.
            context.Log.Information("Verifying against root version 1 in {0} (product {1}); a site built with DEMO keys is not signed for it.",
                paths.Display(rootFile), history.Provisioned.Product);
        }
        else if (File.Exists(Path.Combine(paths.DemoKeysDir, DemoKeyStore.RootMetadataFile)))
        {
            provisioned = demo.ReadRootEnvelope();
            context.Log.Information("{0} has no root: verifying against the DEMO root in {1}.", paths.Display(paths.KeysDir), paths.Display(paths.DemoKeysDir));
        }
        else
        {
            throw new BuildException(BuildErrorCode.InvalidRoot,
                $"There is no root to verify {paths.Display(siteDir)} against: no {paths.Display(rootFile)} and no DEMO root in {paths.Display(paths.DemoKeysDir)}.",
                "Run Verify in the repository whose keys/root/ the site was built with (or --keys-dir=<its keys folder>), or --demo-keys-dir=<the DEMO keys it was built with>.");
        }

        var registered = RecipientRegistry.Load(paths.KeysDir, paths.Display(Path.Combine(paths.KeysDir, RecipientRegistry.FileName)));
        var recipientIds = registered.Select(r => r.Id).ToList();
        var recipientKeys = new List<SiteRecipient>();
        var versions = SiteVersions(siteDir);
        var releases = TryLoadReleases(context, isDemo);
        foreach (var release in releases) versions.Add(release.Version.ToString());

        ContentSecrets? secrets = null;
        if (isDemo)
        {
            var deviceFile = Path.Combine(paths.DemoKeysDir, DemoKeyStore.DeviceKeyFile);
            if (File.Exists(deviceFile))
            {
                var device = ReadRecipientKey(deviceFile, "DEMO device key");
                recipientKeys.Add(new SiteRecipient("DEMO device key", device));
                recipientIds.Add(device.Id);
            }
            if (File.Exists(Path.Combine(paths.DemoKeysDir, DemoKeyStore.ContentSecretFile)))
            {
                var secret = demo.ReadContentSecret();
                secrets = new ContentSecrets([secret], schedule: null);
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
            }
        }
        else
        {
            var files = context.GetArguments(ContentSecretSource.FileArgument);
            var variable = context.Environment.GetEnvironmentVariable(ContentSecretSource.EnvironmentVariable);
            if (files.Count > 0 || !string.IsNullOrWhiteSpace(variable))
            {
                var given = ContentSecretSource.Read(files, variable);
                secrets = new ContentSecrets(given, ContentSecretSchedule.Load(paths.KeysDir, paths.Display));
                foreach (var secret in given) System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
            }
        }

        foreach (var file in context.GetArguments(Tasks.VerifyTask.DeviceKeyArgument))
        {
            var key = ReadRecipientKey(Path.GetFullPath(file, context.Environment.WorkingDirectory), "device key");
            var name = registered.FirstOrDefault(r => r.Id == key.Id)?.Name;
            recipientKeys.Add(new SiteRecipient(name is null ? $"unregistered device key {file}" : $"{name} key", key));
        }

        contentKeys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (secrets is not null)
        {
            owned.Add(secrets);
            foreach (var version in versions) contentKeys[version] = secrets.ContentKey(version);
        }

        return new SiteVerifierInputs
        {
            SiteDir = siteDir,
            ProvisionedRoot = provisioned,
            Now = context.Now,
            RecipientKeys = recipientKeys,
            BuildContentKeys = contentKeys,
            // Without a recipients file there is nothing to hold the site's wrapped keys to: form checks only.
            RegisteredRecipientIds = File.Exists(Path.Combine(paths.KeysDir, RecipientRegistry.FileName)) || isDemo ? recipientIds : null,
            BaseImages = releases.Select(r => r.ImagePath).ToList(),
        };
    }

    /// <summary>Release versions the site has wrapped keys for (ota/v2/keys/&lt;version&gt;/): the ones a content key may be needed for.</summary>
    private static HashSet<string> SiteVersions(string siteDir)
    {
        var keysDir = Path.Combine(siteDir, OtaPaths.OtaBase.TrimEnd('/'), "keys");
        var versions = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(keysDir)) return versions;
        foreach (var dir in Directory.GetDirectories(keysDir))
        {
            var name = Path.GetFileName(dir);
            if (SemVersion.TryParse(name, out _)) versions.Add(name);
        }
        return versions;
    }

    /// <summary>releases/, for its images (delta bases); a site can be verified without it, so a folder that does not load only costs the patch checks.</summary>
    private static IReadOnlyList<Release> TryLoadReleases(BuildContext context, bool isDemo)
    {
        var paths = context.Paths;
        try
        {
            var releases = Directory.Exists(paths.ReleasesDir) && Directory.GetDirectories(paths.ReleasesDir).Length > 0
                ? ReleaseLoader.Load(paths.ReleasesDir, paths.RootDir).Releases
                : [];
            // As the DEMO build does: with no release of the maintainers' own, a DEMO site was built from the samples.
            if (releases.IsEmpty && isDemo && Directory.Exists(paths.SamplesDir)) releases = ReleaseLoader.Load(paths.SamplesDir, paths.RootDir).Releases;
            return releases;
        }
        catch (BuildException e)
        {
            context.Log.Warning("{0} does not load ({1}); delta patches cannot be applied to their bases.", paths.Display(paths.ReleasesDir), e.Message);
            return [];
        }
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
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(privateKey);
        }
    }
}
