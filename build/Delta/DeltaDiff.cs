using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Makes delta patches (docs/PROTOCOL.md section 11a): the plain patch bytes that the pipeline
/// encrypts into an artifact of kind "delta" and the device applies with its <see cref="DeltaPatcher"/>.
/// Deterministic: the same images always give the same patch.
/// </summary>
public static class DeltaDiff
{
    /// <summary>The patch that turns <paramref name="oldImage"/> into <paramref name="newImage"/>.</summary>
    public static byte[] Create(byte[] oldImage, byte[] newImage) => Diff(oldImage, newImage, DeltaParserOptions.Default).Patch;

    /// <summary>The patch with a breakdown of what it is made of.</summary>
    public static DeltaDiffResult Diff(byte[] oldImage, byte[] newImage) => Diff(oldImage, newImage, DeltaParserOptions.Default);

    internal static DeltaDiffResult Diff(byte[] oldImage, byte[] newImage, DeltaParserOptions options, PatchEncoderOptions? encoderOptions = null)
    {
        ArgumentNullException.ThrowIfNull(oldImage);
        ArgumentNullException.ThrowIfNull(newImage);
        if (oldImage.Length > PatchFormat.MaxImageSize || newImage.Length > PatchFormat.MaxImageSize)
            throw new ArgumentException($"images are limited to {PatchFormat.MaxImageSize} bytes (old {oldImage.Length}, new {newImage.Length})");
        var blocks = DeltaParser.Parse(oldImage, newImage, options);
        return PatchStreamEncoder.Encode(oldImage, newImage, blocks, encoderOptions);
    }
}
