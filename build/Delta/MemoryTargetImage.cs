using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>Collects the new image in memory; records the largest single write.</summary>
public sealed class MemoryTargetImage : ITargetImage
{
    private readonly MemoryStream _image = new();

    public int LargestWrite { get; private set; }

    public int Writes { get; private set; }

    public void Write(byte[] buffer, int offset, int count)
    {
        _image.Write(buffer, offset, count);
        LargestWrite = Math.Max(LargestWrite, count);
        Writes++;
    }

    public byte[] ToArray() => _image.ToArray();
}
