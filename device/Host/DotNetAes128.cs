using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host;

/// <summary>
/// AES-128 seam over <see cref="Aes"/>'s one-shot CBC and ECB calls, in place, without padding.
/// One <see cref="Aes"/> instance is kept per seam object and re-keyed only when the key changes, because
/// callers use one key for a whole artifact (thousands of chunks) or a key unwrap (dozens of blocks).
/// Calls are serialised by a lock, so one seam object may be shared between threads (xunit runs test
/// classes in parallel); give each thread its own object when throughput matters. Dispose wipes the key.
/// </summary>
public sealed class DotNetAes128 : IAes128, IDisposable
{
    private const int KeyLength = 16;
    private const int BlockLength = 16;

    private readonly Lock _gate = new();
    private readonly Aes _aes = Aes.Create();
    private readonly byte[] _currentKey = new byte[KeyLength];
    private bool _hasKey;
    private bool _disposed;

    public void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count)
    {
        RequireLength(key, KeyLength, nameof(key));
        RequireLength(iv, BlockLength, nameof(iv));
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || count > buffer.Length - offset)
            throw new ArgumentOutOfRangeException(nameof(count), "buffer[offset, offset+count) must lie inside buffer.");
        if (count % BlockLength != 0)
            throw new ArgumentException($"CBC works on whole blocks; count {count} is not a multiple of 16.", nameof(count));

        Span<byte> data = buffer.AsSpan(offset, count);
        lock (_gate)
        {
            UseKey(key);
            _aes.DecryptCbc(data, iv, data, PaddingMode.None);
        }
    }

    public void EncryptBlock(byte[] key, byte[] buffer, int offset)
    {
        Span<byte> block = CheckBlock(key, buffer, offset);
        lock (_gate)
        {
            UseKey(key);
            _aes.EncryptEcb(block, block, PaddingMode.None);
        }
    }

    public void DecryptBlock(byte[] key, byte[] buffer, int offset)
    {
        Span<byte> block = CheckBlock(key, buffer, offset);
        lock (_gate)
        {
            UseKey(key);
            _aes.DecryptEcb(block, block, PaddingMode.None);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            CryptographicOperations.ZeroMemory(_currentKey);
            _aes.Dispose();
        }
    }

    // Re-keys only on change. The comparison is constant-time so the cache does not time-leak key bytes.
    private void UseKey(byte[] key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_hasKey && CryptographicOperations.FixedTimeEquals(_currentKey, key)) return;
        _aes.SetKey(key);
        key.CopyTo(_currentKey, 0);
        _hasKey = true;
    }

    private static Span<byte> CheckBlock(byte[] key, byte[] buffer, int offset)
    {
        RequireLength(key, KeyLength, nameof(key));
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || BlockLength > buffer.Length - offset)
            throw new ArgumentOutOfRangeException(nameof(offset), "buffer needs 16 bytes from offset.");
        return buffer.AsSpan(offset, BlockLength);
    }

    private static void RequireLength(byte[] value, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != length)
            throw new ArgumentException($"Must be exactly {length} bytes (AES-128), was {value.Length}.", name);
    }
}
