using System;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Keys
{
    /// <summary>
    /// One X25519 key a device holds as a recipient of wrapped content keys (docs/PROTOCOL.md
    /// sections 2.2 and 8): the private key, its public key and its id hex(SHA256(public key)), which
    /// names its wrapped key file. A device may hold several (its own, its group's, the fleet's).
    /// The private key stays inside: it is only handed to X25519.
    /// </summary>
    public sealed class RecipientKey
    {
        private readonly byte[] _privateKey;
        private readonly byte[] _publicKey;
        private readonly byte[] _idBytes;

        /// <summary>Derives the public key and id from a 32-byte X25519 private key (copied).</summary>
        public RecipientKey(byte[] privateKey)
        {
            if (privateKey == null) throw new ArgumentNullException("privateKey");
            if (privateKey.Length != X25519.Size) throw new ArgumentException("an X25519 private key is 32 bytes", "privateKey");
            _privateKey = new byte[X25519.Size];
            Array.Copy(privateKey, 0, _privateKey, 0, X25519.Size);
            _publicKey = new byte[X25519.Size];
            X25519.ScalarMultBase(_publicKey, _privateKey);
            _idBytes = Sha256.Hash(_publicKey, 0, _publicKey.Length);
            Id = Hex.Encode(_idBytes);
        }

        /// <summary>
        /// A key whose public key and id were derived before and stored (Boot.DeviceKeyStore, device.pub, checked
        /// under a key derived from the private key): no X25519 and no SHA-256 at boot. All three are copied.
        /// </summary>
        internal RecipientKey(byte[] privateKey, byte[] publicKey, byte[] idBytes)
        {
            if (privateKey == null) throw new ArgumentNullException("privateKey");
            if (publicKey == null) throw new ArgumentNullException("publicKey");
            if (idBytes == null) throw new ArgumentNullException("idBytes");
            if (privateKey.Length != X25519.Size || publicKey.Length != X25519.Size || idBytes.Length != X25519.Size)
                throw new ArgumentException("a stored recipient key has a 32-byte private key, public key and id");
            _privateKey = Copy(privateKey);
            _publicKey = Copy(publicKey);
            _idBytes = Copy(idBytes);
            Id = Hex.Encode(_idBytes);
        }

        /// <summary>The recipient id, 64 lowercase hex: the file name under release.keys.</summary>
        public string Id { get; private set; }

        /// <summary>A copy of the 32-byte X25519 public key.</summary>
        public byte[] GetPublicKey()
        {
            return Copy(_publicKey);
        }

        /// <summary>A copy of the raw 32-byte id (the rollout's deviceId when this is the device's own key).</summary>
        public byte[] GetIdBytes()
        {
            return Copy(_idBytes);
        }

        /// <summary>X25519(private key, peerPublicKey) into output (32 bytes).</summary>
        internal void Agree(byte[] peerPublicKey, byte[] output)
        {
            X25519.ScalarMult(output, _privateKey, peerPublicKey);
        }

        /// <summary>
        /// HKDF-SHA256(private key, no salt, info <paramref name="label"/>), 32 bytes: a key for one device-local
        /// purpose (the cached root's tag), independent of the X25519 use of the private key and of every
        /// other label. Only meaningful for the device's own key, which no other device holds.
        /// </summary>
        internal byte[] DeriveLocalKey(IHmacSha256 hmac, byte[] label)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (label == null || label.Length == 0) throw new ArgumentException("a local key needs a label of its own", "label");
            return Hkdf.DeriveKey(hmac, _privateKey, null, label, Hkdf.HashLength);
        }

        /// <summary>The public key itself, for HKDF's salt; callers inside the core never modify it.</summary>
        internal byte[] PublicKey { get { return _publicKey; } }

        private static byte[] Copy(byte[] source)
        {
            byte[] copy = new byte[source.Length];
            Array.Copy(source, 0, copy, 0, source.Length);
            return copy;
        }
    }
}
