namespace SecureOta.Device.Core.KeyTables
{
    /// <summary>Where <see cref="PreparedKeyStore"/> found the table of the last key it was asked for.</summary>
    public enum PreparedKeySource
    {
        /// <summary>The store has not been asked for a key yet.</summary>
        None = 0,

        /// <summary>No sound table on flash: computed from the key and written.</summary>
        Computed = 1,

        /// <summary>Loaded from flash: its tag verified and it holds exactly that key.</summary>
        Flash = 2,
    }
}
