namespace SecureOta.Device.Core.Update
{
    /// <summary>How one HTTP response of an artifact download ended.</summary>
    internal enum DownloadStep
    {
        /// <summary>Every record arrived, verified and was written.</summary>
        Completed = 1,

        /// <summary>A check failed or the server answered wrongly; stop this poll.</summary>
        Failed = 2,

        /// <summary>The connection dropped; resume with a Range request from the next record.</summary>
        Dropped = 3,
    }
}
