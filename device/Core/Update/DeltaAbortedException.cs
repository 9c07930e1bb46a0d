using System;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Carries why a delta patch cannot be used (a record that fails the signed chain, a patch that writes
    /// past the signed image size) from the patch source or the target, through the patcher, up to
    /// <see cref="DeltaInstaller"/>, which falls back to the full image. It never leaves the installer.
    /// </summary>
    internal sealed class DeltaAbortedException : Exception
    {
        internal DeltaAbortedException(string message)
            : base(message)
        {
        }
    }
}
