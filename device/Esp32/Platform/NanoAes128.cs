using System;
using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Esp32.Portable;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IAes128"/> on nanoFramework's Aes (package nanoFramework.System.Security.Cryptography,
    /// mbedTLS natively). The native CBC decrypt copies the IV before use and returns a new array, so
    /// no IV is carried from one call to the next: every call sets key and IV afresh. Encrypt and
    /// Decrypt take whole arrays of a multiple of 16 bytes; slices go through scratch arrays kept per
    /// length. Thread-safe.
    /// </summary>
    public sealed class NanoAes128 : IAes128
    {
        private const int BlockSize = 16;

        private readonly Aes _cbc = new Aes(CipherMode.CBC);
        private readonly Aes _ecb = new Aes(CipherMode.ECB);
        private readonly byte[] _block = new byte[BlockSize];
        private readonly ExactSizeBuffers _buffers = new ExactSizeBuffers();
        private readonly object _lock = new object();

        public void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count)
        {
            CheckKey(key);
            if (iv == null) throw new ArgumentNullException("iv");
            if (iv.Length != BlockSize) throw new ArgumentException("an AES IV is 16 bytes", "iv");
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || count % BlockSize != 0 || offset > buffer.Length - count)
                throw new ArgumentOutOfRangeException("count", "whole 16-byte blocks inside the buffer");
            if (count == 0) return;

            lock (_lock)
            {
                byte[] cipher = _buffers.Slice(buffer, offset, count);
                byte[] plain = null;
                try
                {
                    // IV before Key: one published Aes release had an IV setter that wrote the key field;
                    // in this order such a build fails loudly instead of decrypting under the IV.
                    _cbc.IV = iv;
                    _cbc.Key = key;
                    // The API forces an allocation here: Decrypt returns a new array of count bytes (4 KiB
                    // per record) and has no overload that decrypts into a caller's buffer or in place.
                    plain = _cbc.Decrypt(cipher);
                    Array.Copy(plain, 0, buffer, offset, count);
                }
                finally
                {
                    Forget(_cbc);
                    if (plain != null) Array.Clear(plain, 0, plain.Length);
                    ExactSizeBuffers.Clear(cipher, buffer);
                }
            }
        }

        public void EncryptBlock(byte[] key, byte[] buffer, int offset)
        {
            RunBlock(key, buffer, offset, true);
        }

        public void DecryptBlock(byte[] key, byte[] buffer, int offset)
        {
            RunBlock(key, buffer, offset, false);
        }

        // Single ECB blocks serve the RFC 3394 key unwrap: they hold key material, so every copy is zeroed.
        private void RunBlock(byte[] key, byte[] buffer, int offset, bool encrypt)
        {
            CheckKey(key);
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || offset > buffer.Length - BlockSize) throw new ArgumentOutOfRangeException("offset");

            lock (_lock)
            {
                byte[] result = null;
                try
                {
                    Array.Copy(buffer, offset, _block, 0, BlockSize);
                    _ecb.Key = key;
                    // Forced allocation: Encrypt and Decrypt return a new 16-byte array per block.
                    result = encrypt ? _ecb.Encrypt(_block) : _ecb.Decrypt(_block);
                    Array.Copy(result, 0, buffer, offset, BlockSize);
                }
                finally
                {
                    Forget(_ecb);
                    Array.Clear(_block, 0, BlockSize);
                    if (result != null) Array.Clear(result, 0, result.Length);
                }
            }
        }

        // The Aes objects outlive a call; they must not keep the caller's key (or IV) arrays.
        private static void Forget(Aes aes)
        {
            aes.Key = null;
            if (aes.Mode == CipherMode.CBC) aes.IV = null;
        }

        private static void CheckKey(byte[] key)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (key.Length != BlockSize) throw new ArgumentException("an AES-128 key is 16 bytes", "key");
        }
    }
}
