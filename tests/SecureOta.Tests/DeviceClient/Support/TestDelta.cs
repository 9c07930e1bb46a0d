using SecureOta.Build.Delta;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// A delta patch for <see cref="TestSite.Publish"/>: the plain patch bytes and the base it is listed for.
/// The listed base digest is the base image's unless <see cref="BaseDigest"/> says otherwise, so a test
/// can list a patch for one image under another image's digest.
/// </summary>
public sealed record TestDelta(byte[] Patch, string BaseVersion, byte[]? BaseImage, byte[]? BaseDigest = null)
{
    /// <summary>The patch the build would make from <paramref name="baseImage"/> to <paramref name="newImage"/>.</summary>
    public static TestDelta Between(byte[] baseImage, byte[] newImage, string baseVersion) =>
        new(DeltaDiff.Create(baseImage, newImage), baseVersion, baseImage);
}
