using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Carries a <see cref="PatchError"/> from deep inside decoding up to <see cref="DeltaPatcher.TryApply"/>,
    /// which turns it into a <see cref="PatchFailure"/>. It never leaves the patcher.
    /// </summary>
    internal sealed class PatchDataException : Exception
    {
        public PatchDataException(PatchError error, string message)
            : base(message)
        {
            Error = error;
        }

        public PatchError Error { get; private set; }
    }
}
