using System.Security.Cryptography;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>
/// The wrapped keys of one release a verified manifest names (<c>keys/&lt;version&gt;/</c>), and its
/// content key. Each file of a recipient whose private key is at hand goes through the device core's
/// <see cref="KeyUnwrapper"/> (K1-K4); every other file is checked for form (K1). Registered recipients
/// must each have a file and no other recipient may (S3, S5). When no recipient key unwraps, the build's
/// own content key is used if given, after checking it against keyCheck (S7); with neither, S6.
/// </summary>
internal sealed class WrappedKeyCheck
{
    private readonly SiteFiles _files;
    private readonly ProblemLog _problems;
    private readonly SiteVerifierInputs _inputs;
    private readonly KeyUnwrapper _unwrapper;
    private readonly WrappedKeyTally _tally;

    public WrappedKeyCheck(SiteFiles files, ProblemLog problems, SiteVerifierInputs inputs, KeyUnwrapper unwrapper, WrappedKeyTally tally)
    {
        _files = files;
        _problems = problems;
        _inputs = inputs;
        _unwrapper = unwrapper;
        _tally = tally;
    }

    /// <summary>A release's content key (the caller clears it; null when none could be had), where it came from, and whose key unwrapped it.</summary>
    public sealed record Result(byte[]? ContentKey, ContentKeyOrigin Origin, string? Recipient);

    public Result Run(ReleaseTarget release, string manifestFile)
    {
        var folder = release.KeysPath;
        var handled = new HashSet<string>(StringComparer.Ordinal);
        byte[]? contentKey = null;
        string? unwrappedBy = null;
        bool unwrapFailed = false;

        foreach (var recipient in _inputs.RecipientKeys)
        {
            if (!handled.Add(recipient.Key.Id)) continue;
            var key = Unwrap(folder + recipient.Key.Id, recipient, release, ref unwrapFailed);
            if (key is null) continue;
            if (contentKey is null)
            {
                contentKey = key;
                unwrappedBy = recipient.Name;
            }
            else
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        foreach (var id in (_inputs.RegisteredRecipientIds ?? []).Order(StringComparer.Ordinal))
        {
            if (!handled.Add(id)) continue;
            var path = folder + id;
            var bytes = _files.Read(path, $"recipient {id} is registered, so every release is wrapped for it");
            if (bytes is not null) CheckForm(path, bytes);
        }

        foreach (var name in _files.FileNamesIn(folder).Where(n => !handled.Contains(n)))
        {
            CheckUnregistered(folder + name, name);
        }

        if (contentKey is not null) return new Result(contentKey, ContentKeyOrigin.Unwrapped, unwrappedBy);
        return UseBuildKey(release, manifestFile, folder, unwrapFailed);
    }

    private byte[]? Unwrap(string path, SiteRecipient recipient, ReleaseTarget release, ref bool unwrapFailed)
    {
        var bytes = _files.Read(path, $"{recipient.Name} is given to verify with, so release {release.Version} must be wrapped for it");
        if (bytes is null) return null;
        if (!_unwrapper.TryUnwrap(bytes, recipient.Key, release.KeyCheck, out byte[] key, out VerificationFailure failure))
        {
            _problems.Add(path, failure);
            unwrapFailed = true;
            return null;
        }
        _tally.AddUnwrapped(recipient.Name);
        return key;
    }

    private void CheckUnregistered(string path, string name)
    {
        _files.Account(path);
        if (!OtaPaths.IsDigestName(name))
        {
            _problems.Add(path, SiteSteps.UnlistedFile, "not a wrapped key file: its name is not a recipient id (64 lowercase hex).");
        }
        else if (_inputs.RegisteredRecipientIds is not null)
        {
            _problems.Add(path, SiteSteps.UnlistedFile,
                "wrapped for a recipient that is not registered (keys/recipients.json); a removed recipient would keep " +
                "access to this release. Rebuild the site from the registered recipients.");
        }
        else if (_files.Read(path, "it is a wrapped key file") is { } bytes)
        {
            CheckForm(path, bytes);
        }
    }

    /// <summary>
    /// A wrapped key of a release no manifest names (<c>keys/&lt;version&gt;/&lt;id&gt;</c>). With no manifest
    /// there is no keyCheck to hold it to, except the one of the build's own content key for that
    /// version: when both that and the recipient's private key are at hand it goes through K1-K4 against
    /// it; otherwise it is checked for form (K1).
    /// </summary>
    public void CheckOlder(string path, string version, string recipientId, byte[] bytes)
    {
        var recipient = _inputs.RecipientKeys.FirstOrDefault(r => r.Key.Id == recipientId);
        if (recipient is null || !_inputs.BuildContentKeys.TryGetValue(version, out var buildKey))
        {
            CheckForm(path, bytes);
            return;
        }
        if (!_unwrapper.TryUnwrap(bytes, recipient.Key, WrappedKeyWriter.KeyCheck(buildKey), out byte[] key, out VerificationFailure failure))
        {
            _problems.Add(path, failure);
            return;
        }
        CryptographicOperations.ZeroMemory(key);
        _tally.AddUnwrapped(recipient.Name);
    }

    /// <summary>K1 for a file whose content key cannot be checked: the device core's own form rule.</summary>
    private void CheckForm(string path, byte[] bytes)
    {
        _tally.AddFormChecked();
        if (!KeyUnwrapper.CheckForm(bytes, out var failure)) _problems.Add(path, failure);
    }

    private Result UseBuildKey(ReleaseTarget release, string manifestFile, string folder, bool unwrapFailed)
    {
        if (_inputs.BuildContentKeys.TryGetValue(release.Version, out var buildKey))
        {
            if (!CryptographicOperations.FixedTimeEquals(WrappedKeyWriter.KeyCheck(buildKey), release.KeyCheck))
            {
                _problems.Add(manifestFile, SiteSteps.BuildKeyCheck,
                    $"release.keyCheck does not match the content key the build derives for {release.Version}; the manifest " +
                    "was built with another key (another release key seed?). Rebuild the site.");
                return new Result(null, ContentKeyOrigin.None, null);
            }
            _tally.AddBuildKeyRelease();
            return new Result((byte[])buildKey.Clone(), ContentKeyOrigin.BuildKey, null);
        }

        // An unwrap failure is already reported with its cause; S6 is for "nothing to try with".
        if (!unwrapFailed)
        {
            _problems.Add(folder, SiteSteps.NoContentKey,
                $"no content key for release {release.Version}: no recipient private key given has a wrapped key here and the " +
                "build has no key for this version, so its artifact cannot be decrypted and checked. Pass --device-key=<file>.");
        }
        return new Result(null, ContentKeyOrigin.None, null);
    }
}
