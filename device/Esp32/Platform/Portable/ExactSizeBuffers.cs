using System;

namespace SecureOta.Device.Esp32.Portable
{
    /// <summary>
    /// nanoFramework's native AES and HMAC take whole arrays only, while the core hands out
    /// (array, offset, count) slices. This keeps one scratch array per distinct slice length (the
    /// 4128-byte record and digest fold, the 4096-byte chunk, a few small ones), allocated on first use
    /// and reused, so the steady state of a download allocates no slice copies. Beyond
    /// <see cref="MaxCachedLengths"/> lengths a one-off array is used instead, bounding the memory held.
    /// Callers lock around use and clear what they copied in. Portable: host-tested.
    /// </summary>
    public sealed class ExactSizeBuffers
    {
        public const int MaxCachedLengths = 6;

        // A handful of entries searched by length: no Hashtable, no boxed keys.
        private readonly byte[][] _cached = new byte[MaxCachedLengths][];

        /// <summary>
        /// data itself when the slice is the whole array, otherwise an array of exactly
        /// <paramref name="count"/> bytes holding a copy of the slice.
        /// </summary>
        public byte[] Slice(byte[] data, int offset, int count)
        {
            if (offset == 0 && count == data.Length) return data;
            byte[] exact = Find(count);
            Array.Copy(data, offset, exact, 0, count);
            return exact;
        }

        /// <summary>Zeroes a scratch array returned by <see cref="Slice"/> (never the caller's own array).</summary>
        public static void Clear(byte[] exact, byte[] callerArray)
        {
            if (!object.ReferenceEquals(exact, callerArray)) Array.Clear(exact, 0, exact.Length);
        }

        private byte[] Find(int count)
        {
            for (int i = 0; i < _cached.Length; i++)
            {
                if (_cached[i] == null)
                {
                    _cached[i] = new byte[count];
                    return _cached[i];
                }
                if (_cached[i].Length == count) return _cached[i];
            }
            return new byte[count];
        }
    }
}
