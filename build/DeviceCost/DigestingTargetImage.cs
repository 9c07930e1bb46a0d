using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The patched image's destination: folds it, 4 KiB chunk by chunk, into its image digest with the
/// core's <see cref="ImageDigestBuilder"/>, as the device does while writing the inactive slot. The
/// flash write and read-back are native on the device; here the image is kept in memory for matches to read back.
/// </summary>
internal sealed class DigestingTargetImage : ITargetImage
{
    private readonly ImageDigestBuilder _builder;
    private readonly byte[] _chunk = new byte[ArtifactLayout.ChunkSize];
    private readonly MemoryStream _written = new();
    private int _filled;

    public DigestingTargetImage(IHmacSha256 hmac)
    {
        _builder = new ImageDigestBuilder(hmac);
        _builder.Reset();
    }

    public long Length { get; private set; }

    public byte[] Digest { get; } = new byte[DigestKeys.DigestSize];

    public void Read(int position, byte[] buffer, int offset, int count)
    {
        if (position < 0 || count < 0 || position > _written.Length - count)
            throw new ArgumentOutOfRangeException(nameof(position), "only bytes already written can be read back");
        Array.Copy(_written.GetBuffer(), position, buffer, offset, count);
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        _written.Write(buffer, offset, count);
        while (count > 0)
        {
            int n = Math.Min(count, _chunk.Length - _filled);
            Array.Copy(buffer, offset, _chunk, _filled, n);
            _filled += n;
            offset += n;
            count -= n;
            Length += n;
            if (_filled == _chunk.Length)
            {
                _builder.AddChunk(_chunk, 0, _filled);
                _filled = 0;
            }
        }
    }

    /// <summary>Folds the last, shorter chunk and copies the digest out.</summary>
    public void Finish()
    {
        if (_filled > 0) _builder.AddChunk(_chunk, 0, _filled);
        _filled = 0;
        _builder.CopyDigest(Digest, 0);
    }
}
