namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The product id of docs/PROTOCOL.md section 5: [a-z0-9-]{1,32}, the same rule as a channel name.
    /// Root metadata names it, every manifest and release approval repeats it, and a device accepts
    /// only its own (TUF's "wrong software": two products sharing keys and a channel name).
    /// </summary>
    public static class ProductName
    {
        /// <summary>True when the id is 1 to 32 of [a-z0-9-].</summary>
        public static bool IsValid(string product)
        {
            return product != null && ChannelManifestReader.IsChannelName(product);
        }
    }
}
