namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// What a report says happened (docs/PROTOCOL.md section 11d.2, member <c>kind</c>). Every kind but
    /// <see cref="Heartbeat"/> is an outcome: a full queue drops the oldest heartbeat first, never an
    /// outcome while a heartbeat is queued. The values are the queue's stored bytes: never renumber them.
    /// </summary>
    public enum ReportKind
    {
        /// <summary>A verified image is staged and its trial boot scheduled (with the artifact kind that built it).</summary>
        TrialScheduled = 1,

        /// <summary>The application confirmed its trial image.</summary>
        Confirmed = 2,

        /// <summary>The loader reverted a trial image (it did not confirm, or failed its check); the reason says which.</summary>
        Reverted = 3,

        /// <summary>The device gave a verified release up: not approved (P1-P6), failed its trial here before, too big for a slot.</summary>
        ReleaseRejected = 4,

        /// <summary>A document, key or artifact failed a verification step (its check code names it).</summary>
        VerificationFailed = 5,

        /// <summary>The download of a verified release failed (network, server, flash); the next poll retries it.</summary>
        DownloadFailed = 6,

        /// <summary>Periodic: the version the device runs and its channel.</summary>
        Heartbeat = 7,
    }
}
