namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// One report waiting in the queue: everything of its body but the device id, the counter and the
    /// channel, which are added when it is sent (section 11d.2). Strings are printable ASCII, cut to the
    /// queue's field sizes (<see cref="ReportQueueCodec"/>) when the entry is made.
    /// </summary>
    public sealed class ReportEntry
    {
        /// <summary>Longest version (SemVer limit, section 11).</summary>
        public const int MaxVersionLength = 64;

        /// <summary>Longest check code ("C4", "TRIAL", "HTTP").</summary>
        public const int MaxCheckLength = 15;

        /// <summary>Longest reason kept on the device (the protocol allows 200; flash and RAM are scarcer).</summary>
        public const int MaxReasonLength = 115;

        /// <summary>The version used when the device does not know it (an image provisioned before any manifest named it).</summary>
        public const string UnknownVersion = "unknown";

        public ReportEntry(ReportKind kind, string version, string running, string artifact, string check, string reason, long uptimeSeconds)
        {
            Kind = kind;
            Version = ReportText.Clean(version, MaxVersionLength, UnknownVersion);
            Running = ReportText.Clean(running, MaxVersionLength, UnknownVersion);
            Artifact = artifact == ReportArtifacts.Full || artifact == ReportArtifacts.Delta ? artifact : null;
            Check = ReportText.Clean(check, MaxCheckLength, null);
            Reason = ReportText.Clean(reason, MaxReasonLength, null);
            UptimeSeconds = uptimeSeconds < 0 ? -1 : uptimeSeconds;
        }

        public ReportKind Kind { get; private set; }

        /// <summary>The release the event is about (for a heartbeat, the running version).</summary>
        public string Version { get; private set; }

        /// <summary>The version running when the event happened.</summary>
        public string Running { get; private set; }

        /// <summary>"full", "delta" or null.</summary>
        public string Artifact { get; private set; }

        /// <summary>The failed check's code, or null.</summary>
        public string Check { get; private set; }

        /// <summary>Why, in words, or null.</summary>
        public string Reason { get; private set; }

        /// <summary>Seconds since boot when the event happened, or -1 when not known (the loader has no clock).</summary>
        public long UptimeSeconds { get; private set; }

        /// <summary>True for every kind but the heartbeat.</summary>
        public bool IsOutcome { get { return Kind != ReportKind.Heartbeat; } }
    }
}
