namespace SecureOta.Device.Core.Boot
{
    /// <summary>Where <see cref="TrustedRootStore.TryLoad"/> took the trusted root from.</summary>
    public enum TrustedRootSource
    {
        /// <summary>Nothing loaded yet.</summary>
        None = 0,

        /// <summary>root.&lt;N&gt;.json, verified in full (JSON and the root's own signatures); its cached form was then written.</summary>
        Envelope = 1,

        /// <summary>root.&lt;N&gt;.cache, whose tag under the device's key checked: no JSON, no signature check.</summary>
        CachedForm = 2,
    }
}
