using System.Security.Cryptography;
using SecureOta.Build.Delta;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>
/// Step 3 of <see cref="SiteVerifier"/> for a delta patch a verified manifest lists (docs/PROTOCOL.md
/// section 11a): its blob goes through the record chain as a device reads it (<see cref="ArtifactCheck.RunPatch"/>,
/// A1-A5 and the name, S4); then the device core's <see cref="DeltaPatcher"/> applies the decrypted patch to
/// the base image, found among the release images by its baseDigest, and the result must have the release's
/// imageSize and imageDigest (S8). A device whose running image is the base gets exactly that image.
/// </summary>
internal sealed class DeltaCheck
{
    private readonly ArtifactCheck _artifacts;
    private readonly ProblemLog _problems;
    private readonly IReadOnlyList<string> _baseImages;
    private readonly ChainedArtifactWriter _digests = new();
    private readonly DeltaPatcher _patcher = new();
    private Dictionary<string, string>? _imagesByDigest;

    /// <param name="baseImages">Image files patches may apply to (every release's image).</param>
    public DeltaCheck(ArtifactCheck artifacts, ProblemLog problems, IReadOnlyList<string> baseImages)
    {
        _artifacts = artifacts;
        _problems = problems;
        _baseImages = baseImages;
    }

    /// <summary>True when the patch's blob verified and, applied to its base, rebuilds <paramref name="release"/>'s image.</summary>
    public bool Run(ManifestArtifact delta, ReleaseTarget release, byte[]? contentKey)
    {
        using var patch = new MemoryStream();
        if (!_artifacts.RunPatch(delta, contentKey, patch) || contentKey is null) return false;
        try
        {
            var baseDigest = Convert.ToHexStringLower(delta.BaseDigest);
            if (!ImagesByDigest().TryGetValue(baseDigest, out var basePath))
            {
                _problems.Add(delta.Path, SiteSteps.DeltaRebuildsImage,
                    $"no release image has the base digest {baseDigest} (base version {delta.BaseVersion}); the patch cannot be checked. Keep the base release under releases/.");
                return false;
            }
            var target = new MemoryTargetImage();
            if (!_patcher.TryApply(new MemoryPatchSource(patch.ToArray()), new MemoryBaseImage(File.ReadAllBytes(basePath)), target, out var failure))
            {
                _problems.Add(delta.Path, SiteSteps.DeltaRebuildsImage,
                    $"the device patcher refuses the patch from {delta.BaseVersion} ({failure}); devices would fall back to the full image.");
                return false;
            }
            var image = target.ToArray();
            if (image.Length == release.ImageSize && CryptographicOperations.FixedTimeEquals(_digests.ComputeImageDigests(image).ImageDigest, release.ImageDigest))
                return true;
            _problems.Add(delta.Path, SiteSteps.DeltaRebuildsImage,
                $"applied to {delta.BaseVersion}, the patch gives a {image.Length}-byte image without the release's imageDigest; devices would fall back to the full image.");
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(patch.GetBuffer());
        }
    }

    /// <summary>imageDigest (hex) of each base image file, computed once on first use.</summary>
    private Dictionary<string, string> ImagesByDigest()
    {
        if (_imagesByDigest is not null) return _imagesByDigest;
        _imagesByDigest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in _baseImages)
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0) continue;
            _imagesByDigest.TryAdd(Convert.ToHexStringLower(_digests.ComputeImageDigests(bytes).ImageDigest), path);
        }
        return _imagesByDigest;
    }
}
