using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Told the trusted root whenever the client loads it or accepts a newer one, before its next
    /// request: the HTTPS transport takes its pinned CA set from <see cref="TrustedRoot.GetTlsAnchor"/>.
    /// </summary>
    public delegate void TrustedRootHandler(TrustedRoot root);
}
