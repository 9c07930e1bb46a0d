using System;
using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Esp32.Portable;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IHmacSha256"/> on nanoFramework's HMACSHA256 (package
    /// nanoFramework.System.Security.Cryptography), which runs mbedTLS natively: the core's bulk
    /// digest (4 KiB records and chunks) costs one native call each. The native call takes a whole
    /// array, so slices go through one scratch array per distinct length (<see cref="ExactSizeBuffers"/>),
    /// reused from call to call. No HMACSHA256 instance is made at all, not even one per key: the static
    /// HashData (present in package 1.0.43) runs the same native HashCore, while an instance's ComputeHash
    /// allocates twice per call (the native result and a Clone of it) and holds the caller's key array by
    /// reference, zeroing it on Dispose. Thread-safe: the loader's update thread and the application's
    /// Confirm may both use it.
    /// </summary>
    public sealed class NanoHmacSha256 : IHmacSha256
    {
        private const int MacSize = 32;

        private readonly ExactSizeBuffers _buffers = new ExactSizeBuffers();
        private readonly object _lock = new object();

        public void Compute(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (data == null) throw new ArgumentNullException("data");
            if (output == null) throw new ArgumentNullException("output");
            if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException("count");
            if (outputOffset < 0 || outputOffset > output.Length - MacSize) throw new ArgumentOutOfRangeException("outputOffset");

            lock (_lock)
            {
                byte[] exact = _buffers.Slice(data, offset, count);
                try
                {
                    // The API forces one allocation per call: the native HashCore returns a new 32-byte
                    // array (there is no overload writing into a caller's buffer). It is copied out and wiped.
                    byte[] mac = HMACSHA256.HashData(key, exact);
                    Array.Copy(mac, 0, output, outputOffset, MacSize);
                    Array.Clear(mac, 0, mac.Length);
                }
                finally
                {
                    // HKDF and the device-key check pass key material as data: leave no copy behind.
                    ExactSizeBuffers.Clear(exact, data);
                }
            }
        }
    }
}
