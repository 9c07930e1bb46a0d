using System.Text;

namespace SecureOta.Device.Core.Artifacts
{
    /// <summary>
    /// The fixed, public HMAC keys that turn native HMAC-SHA256 into the protocol's digest function D
    /// (docs/PROTOCOL.md section 2.1), and the labels of the other derivations. Separate keys keep
    /// image digests, record digests and rollout buckets from ever being confused with one another.
    /// </summary>
    public static class DigestKeys
    {
        /// <summary>K_IMAGE: folds plain 4 KiB chunks into the image digest.</summary>
        public static readonly byte[] Image = Encoding.UTF8.GetBytes("SecureOta/v1/image");

        /// <summary>K_RECORD: digests one encrypted record of the hash chain.</summary>
        public static readonly byte[] Record = Encoding.UTF8.GetBytes("SecureOta/v1/record");

        /// <summary>K_ROLLOUT: places a device in or out of a staged rollout.</summary>
        public static readonly byte[] Rollout = Encoding.UTF8.GetBytes("SecureOta/v1/rollout");

        /// <summary>Message MACed under the content key to give the manifest's keyCheck.</summary>
        public static readonly byte[] KeyCheckLabel = Encoding.UTF8.GetBytes("SecureOta/v1/key-check");

        /// <summary>HKDF info for the key-encryption key of a wrapped content key.</summary>
        public static readonly byte[] KeyWrapInfo = Encoding.UTF8.GetBytes("SecureOta/v1/key-wrap");

        /// <summary>Length of every digest: 32 bytes.</summary>
        public const int DigestSize = 32;
    }
}
