using System;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The platform seams the update client runs on, gathered so the ESP32 loader, the simulator and the
    /// tests build them once: HTTP, the flash drive, the slots, native HMAC and AES, the clock, reboot.
    /// </summary>
    public sealed class DevicePlatform
    {
        public DevicePlatform(IHttpTransport transport, IFileStore files, ISlotStore slots, IHmacSha256 hmac, IAes128 aes,
            IClock clock, IRebooter rebooter)
        {
            if (transport == null) throw new ArgumentNullException("transport");
            if (files == null) throw new ArgumentNullException("files");
            if (slots == null) throw new ArgumentNullException("slots");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (aes == null) throw new ArgumentNullException("aes");
            if (clock == null) throw new ArgumentNullException("clock");
            if (rebooter == null) throw new ArgumentNullException("rebooter");
            Transport = transport;
            Files = files;
            Slots = slots;
            Hmac = hmac;
            Aes = aes;
            Clock = clock;
            Rebooter = rebooter;
        }

        public IHttpTransport Transport { get; private set; }

        public IFileStore Files { get; private set; }

        public ISlotStore Slots { get; private set; }

        public IHmacSha256 Hmac { get; private set; }

        public IAes128 Aes { get; private set; }

        public IClock Clock { get; private set; }

        public IRebooter Rebooter { get; private set; }
    }
}
