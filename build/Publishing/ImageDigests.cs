namespace SecureOta.Build.Publishing;

/// <summary>
/// What a channel manifest says about a plain image (docs/PROTOCOL.md sections 2.1 and 6).
/// </summary>
/// <param name="ImageSize">Length of the image in bytes (<c>release.imageSize</c>).</param>
/// <param name="ImageDigest">The HMAC fold of section 2.1, 32 bytes (<c>release.imageDigest</c>).</param>
/// <param name="ImageSha256">SHA-256 of the image, 32 bytes (<c>release.imageSha256</c>).</param>
public sealed record ImageDigests(int ImageSize, byte[] ImageDigest, byte[] ImageSha256);
