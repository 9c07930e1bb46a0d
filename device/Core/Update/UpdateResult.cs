namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// How one poll ended. The set is closed and the values are fixed so they can be logged or
    /// reported. The first four are normal outcomes; the rest carry an <see cref="UpdateFailure"/>.
    /// </summary>
    public enum UpdateResult
    {
        /// <summary>The channel answered 304, or its manifest is the one already accepted: nothing to do.</summary>
        UpToDate = 1,

        /// <summary>A new release verified, but this device is outside its staged rollout; its sequence is stored.</summary>
        NotInRollout = 2,

        /// <summary>The new image is staged, read back and checked, a trial boot is scheduled and the reboot was requested.</summary>
        TrialScheduled = 3,

        /// <summary>A trial image is pending or running; nothing is fetched until the application confirms it or the loader reverts it.</summary>
        AwaitingConfirmation = 4,

        /// <summary>A verification step failed (<see cref="UpdateFailure.Verification"/> says which); nothing untrusted was installed.</summary>
        Rejected = 5,

        /// <summary>The release has no wrapped key for any recipient key this device holds (404 for each); register the device's key.</summary>
        NoKeyForDevice = 6,

        /// <summary>The network or TLS failed; the next poll retries (a download resumes where it stopped).</summary>
        TransportFailed = 7,

        /// <summary>The server answered with an unexpected HTTP status; the next poll retries.</summary>
        ServerError = 8,

        /// <summary>The flash drive failed, or a stored file is damaged.</summary>
        StorageFailed = 9,

        /// <summary>The release's image is larger than a slot; it is skipped.</summary>
        SlotTooSmall = 10,

        /// <summary>The device has no boot state or trusted root: provision it.</summary>
        NotProvisioned = 11,

        /// <summary>
        /// The release's image failed its trial boot on this device and was reverted: it is not downloaded
        /// again (whatever manifest sequence re-signs it) and its sequence is stored. Publish a fixed release.
        /// </summary>
        ReleaseRejected = 12,

        /// <summary>
        /// The poll stopped on an exception no step expected (a transport refusing a header, say). Nothing was
        /// stored; the next poll starts afresh. A bug to report, never something a server can make permanent.
        /// </summary>
        InternalError = 13,

        /// <summary>
        /// The poll ran out of heap (OutOfMemoryException). It stopped where it was: what it stored before is whole
        /// (every commit is), the running image and the boot state are untouched by the rest, and the client
        /// dropped what it kept between polls. The next poll retries; if it keeps failing, the device has too
        /// little free heap for what the site serves (a larger root or manifest, say).
        /// </summary>
        OutOfMemory = 14,
    }
}
