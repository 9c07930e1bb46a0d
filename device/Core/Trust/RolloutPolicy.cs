using System;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// A manifest's staged rollout (docs/PROTOCOL.md section 6): a device is in when
    /// u32(HMAC(K_ROLLOUT, salt || deviceId)[0..4)) mod 100 &lt; percent. A fresh salt per release
    /// puts different devices first each time.
    /// </summary>
    public sealed class RolloutPolicy
    {
        /// <summary>Bytes of a device id: its 32-byte recipient id (raw, not hex).</summary>
        public const int DeviceIdSize = 32;

        private readonly byte[] _salt;

        internal RolloutPolicy(int percent, byte[] salt)
        {
            Percent = percent;
            _salt = salt;
        }

        /// <summary>0 to 100.</summary>
        public int Percent { get; private set; }

        /// <summary>16-byte salt.</summary>
        public byte[] Salt { get { return _salt; } }

        /// <summary>True when the device with this 32-byte id is inside the rollout.</summary>
        public bool Includes(IHmacSha256 hmac, byte[] deviceId)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (deviceId == null) throw new ArgumentNullException("deviceId");
            if (deviceId.Length != DeviceIdSize) throw new ArgumentException("a device id is 32 bytes", "deviceId");

            byte[] input = new byte[_salt.Length + DeviceIdSize];
            Array.Copy(_salt, 0, input, 0, _salt.Length);
            Array.Copy(deviceId, 0, input, _salt.Length, DeviceIdSize);
            byte[] mac = new byte[32];
            hmac.Compute(DigestKeys.Rollout, input, 0, input.Length, mac, 0);

            // Unsigned big-endian in a long, so no sign or overflow question arises.
            long bucket = ((long)mac[0] << 24) | ((long)mac[1] << 16) | ((long)mac[2] << 8) | mac[3];
            return bucket % 100 < Percent;
        }
    }
}
