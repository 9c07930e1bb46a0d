using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>A base image held in memory; counts the bytes the patcher read from it.</summary>
public sealed class MemoryBaseImage : IBaseImage
{
    private readonly byte[] _image;

    public MemoryBaseImage(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        _image = image;
    }

    public int Length => _image.Length;

    public long BytesRead { get; private set; }

    public void Read(int offset, byte[] buffer, int bufferOffset, int count)
    {
        if (offset < 0 || count < 0 || offset > _image.Length - count)
            throw new ArgumentOutOfRangeException(nameof(offset), $"read of {count} bytes at {offset} outside the {_image.Length}-byte base image");
        Array.Copy(_image, offset, buffer, bufferOffset, count);
        BytesRead += count;
    }
}
