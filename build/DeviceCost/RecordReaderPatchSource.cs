using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// Feeds a patch artifact to the patcher record by record through the core's record reader, as the
/// device's delta installer does with the download: each record is verified and decrypted before any
/// of its bytes reach the patcher. The "download" is an in-memory copy (native on the device).
/// </summary>
internal sealed class RecordReaderPatchSource : IPatchSource
{
    private readonly RecordChainReader _reader;
    private readonly byte[] _artifact;
    private long _artifactOffset;
    private int _offset;
    private int _available;

    public RecordReaderPatchSource(RecordChainReader reader, byte[] artifact)
    {
        _reader = reader;
        _artifact = artifact;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        if (_available == 0)
        {
            if (_reader.IsComplete) return 0;
            int length = _reader.RecordLength;
            Array.Copy(_artifact, _artifactOffset, _reader.Buffer, 0, length);
            _artifactOffset += length;
            DeviceCostScenarios.Require(_reader.TryProcessRecord(length, out _), $"patch record {_reader.RecordIndex} was refused");
            _offset = 0;
            _available = _reader.PlainLength;
        }
        int n = Math.Min(count, _available);
        Array.Copy(_reader.Buffer, _offset, buffer, offset, n);
        _offset += n;
        _available -= n;
        return n;
    }
}
