using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>A patch held in memory, handed out in reads of at most <see cref="ChunkSize"/> bytes like verified records.</summary>
public sealed class MemoryPatchSource : IPatchSource
{
    private readonly byte[] _patch;
    private int _position;

    public MemoryPatchSource(byte[] patch, int chunkSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _patch = patch;
        ChunkSize = chunkSize;
    }

    public int ChunkSize { get; }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, ChunkSize), _patch.Length - _position);
        Array.Copy(_patch, _position, buffer, offset, n);
        _position += n;
        return n;
    }
}
