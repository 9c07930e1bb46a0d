using nanoFramework.Runtime.Native;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IRebooter"/>: nanoFramework.Runtime.Native's Power.RebootDevice, a full restart of the
    /// chip, after which the loader runs first again and the boot manager decides what starts.
    /// </summary>
    public sealed class NanoRebooter : IRebooter
    {
        /// <summary>Milliseconds the reboot event handlers (if any) get before the restart.</summary>
        public const int HandlerTimeoutMilliseconds = 2000;

        public void Reboot()
        {
            Power.RebootDevice(HandlerTimeoutMilliseconds);
        }
    }
}
