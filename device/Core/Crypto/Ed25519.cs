using System;
using SecureOta.Device.Core.KeyTables;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Ed25519 signature verification (RFC 8032) with exactly the acceptance rules of libsodium 1.0.18's
    /// crypto_sign_verify_detached, the library the release pipeline signs with, so the build's own
    /// check and the device can never disagree about a signature. nanoFramework has no Ed25519.
    /// </summary>
    public static class Ed25519
    {
        // One verifier with every buffer preallocated, so a verification allocates nothing; the lock
        // serialises callers (the device verifies from one thread; host tests run in parallel).
        private static readonly object Gate = new object();
        private static readonly Ed25519Verifier Verifier = new Ed25519Verifier();

        /// <summary>Length of an encoded public key.</summary>
        public const int PublicKeySize = 32;

        /// <summary>Length of a signature: R (32 bytes) then S (32 bytes).</summary>
        public const int SignatureSize = 64;

        /// <summary>
        /// True when signature is a valid signature of message[offset, +count) under publicKey.
        /// Returns false for every cryptographic failure, whatever the bytes; throws only on misuse
        /// (null arrays, a key or signature of the wrong length, a range outside the message).
        /// Variable time: everything it handles is public.
        /// </summary>
        public static bool Verify(byte[] publicKey, byte[] signature, byte[] message, int offset, int count)
        {
            return Verify(publicKey, signature, message, offset, count, null);
        }

        /// <summary>
        /// <see cref="Verify(byte[], byte[], byte[], int, int)"/>, keeping the key's prepared table in
        /// <paramref name="store"/> (null: in RAM only): the first signature under the key after a boot then
        /// loads the table from flash instead of computing it. The verdict never depends on the store.
        /// </summary>
        public static bool Verify(byte[] publicKey, byte[] signature, byte[] message, int offset, int count, PreparedKeyStore store)
        {
            if (publicKey == null) throw new ArgumentNullException("publicKey");
            if (signature == null) throw new ArgumentNullException("signature");
            if (message == null) throw new ArgumentNullException("message");
            if (publicKey.Length != PublicKeySize) throw new ArgumentException("An Ed25519 public key is 32 bytes.", "publicKey");
            if (signature.Length != SignatureSize) throw new ArgumentException("An Ed25519 signature is 64 bytes.", "signature");
            if (offset < 0 || count < 0 || offset > message.Length - count) throw new ArgumentOutOfRangeException("count");

            lock (Gate)
            {
                return Verifier.Verify(publicKey, signature, message, offset, count, store);
            }
        }

        /// <summary>
        /// True when text[at, +384) is a well-formed <c>split</c> member of a root key (docs/PROTOCOL.md section 5):
        /// lowercase hex of three points, each coordinate below p, each on the curve.
        /// </summary>
        internal static bool AreSplitPointsValid(byte[] text, int at)
        {
            lock (Gate)
            {
                return Verifier.AreSplitPointsValid(text, at);
            }
        }

        /// <summary>
        /// Builds the key's prepared table from the split points of a root whose signatures already verified and
        /// writes it to <paramref name="store"/>: no doubling. Never call it with the points of a document whose
        /// signatures are still to be checked (section 5). False when the key fails its checks (nothing prepared).
        /// </summary>
        internal static bool PrepareFromSplit(byte[] publicKey, byte[] text, int at, PreparedKeyStore store)
        {
            lock (Gate)
            {
                return Verifier.PrepareFromSplit(publicKey, text, at, store);
            }
        }

        /// <summary>
        /// Drops every key prepared in RAM, as a reboot does (for tests and cost measurements of the first
        /// signature after a boot). Only speed changes: the next signature under each key prepares it again.
        /// </summary>
        public static void ForgetPreparedKeys()
        {
            lock (Gate)
            {
                Verifier.Forget();
            }
        }
    }
}
