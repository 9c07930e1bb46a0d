using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>Collects the new image in memory (after any bytes it was given) and the size of every write.</summary>
public sealed class MemoryTargetImage : ITargetImage
{
    private readonly MemoryStream _image = new();
    private readonly List<int> _writeSizes = [];

    public MemoryTargetImage()
    {
    }

    /// <summary>A target that already holds <paramref name="held"/>: a patch resumed at its end reads earlier bytes back from it.</summary>
    public MemoryTargetImage(byte[] held)
    {
        ArgumentNullException.ThrowIfNull(held);
        _image.Write(held);
    }

    /// <summary>The byte count of each write, in order.</summary>
    public IReadOnlyList<int> WriteSizes => _writeSizes;

    public void Write(byte[] buffer, int offset, int count)
    {
        _image.Write(buffer, offset, count);
        _writeSizes.Add(count);
    }

    public void Read(int position, byte[] buffer, int offset, int count)
    {
        if (position < 0 || count < 0 || position > _image.Length - count)
            throw new ArgumentOutOfRangeException(nameof(position), $"bytes {position}..{position + count} are not written yet ({_image.Length} are)");
        Array.Copy(_image.GetBuffer(), position, buffer, offset, count);
    }

    public byte[] ToArray() => _image.ToArray();
}
