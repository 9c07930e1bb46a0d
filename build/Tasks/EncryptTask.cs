using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Encrypts every release's image into its hash-chained full artifact (docs/PROTOCOL.md section 7).
/// Every release, not only the newest of each channel: all blobs stay published, so a device that
/// read an older manifest during a deploy still finds its blob. The content key and iv are derived
/// from the build secret (section 10), so the same inputs and keys give the same blob names.
/// </summary>
[TaskName("Encrypt")]
[TaskDescription("Encrypts every release image into its hash-chained artifact (blobs/<sha256>).")]
[IsDependentOn(typeof(LoadReleasesTask))]
[IsDependentOn(typeof(LoadKeysTask))]
public sealed class EncryptTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var writer = new ChainedArtifactWriter();
        var secret = context.Keys.BuildSecret;
        try
        {
            var encrypted = context.Releases.Releases.Select(release => Encrypt(context, writer, secret, release)).ToList();
            context.EncryptedReleases = encrypted;
            context.Log.Information("Encrypted {0} release(s): {1}.", encrypted.Count,
                encrypted.Count == 0 ? "none" : string.Join(", ", encrypted.Select(e => $"{e.Version} ({e.Full.Size} bytes)")));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static byte[] ReadImage(BuildContext context, Releases.Release release)
    {
        try
        {
            return release.ReadImage();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem,
                $"Could not read release {release.Version}'s image {context.Paths.Display(release.ImagePath)}: {exception.Message}",
                "Do not move or edit releases/ while a build runs; check the file's permissions and run the build again.", exception);
        }
    }

    private static EncryptedRelease Encrypt(BuildContext context, ChainedArtifactWriter writer, byte[] secret, Releases.Release release)
    {
        var version = release.Version.ToString();
        var image = ReadImage(context, release);
        var contentKey = ContentKeyDerivation.ContentKey(secret, version);
        try
        {
            var digests = writer.ComputeImageDigests(image);
            var iv = ContentKeyDerivation.ArtifactIvFromSha256(contentKey, digests.ImageSha256);
            var artifact = writer.Write(image, contentKey, iv);
            context.Log.Verbose("  {0}: {1} bytes -> {2} ({3} bytes)", version, image.Length, artifact.Path, artifact.Size);
            return new EncryptedRelease(release, digests, artifact);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }
}
