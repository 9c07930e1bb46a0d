namespace SecureOta.Device.Core.Reports
{
    /// <summary>The wire names of <see cref="ReportKind"/> (spelled out: nanoFramework's Enum.ToString may print only the number).</summary>
    public static class ReportKinds
    {
        /// <summary>The <c>kind</c> member's value, or null for a value that is no kind.</summary>
        public static string Name(ReportKind kind)
        {
            switch (kind)
            {
                case ReportKind.TrialScheduled: return "trial-scheduled";
                case ReportKind.Confirmed: return "confirmed";
                case ReportKind.Reverted: return "reverted";
                case ReportKind.ReleaseRejected: return "release-rejected";
                case ReportKind.VerificationFailed: return "verification-failed";
                case ReportKind.DownloadFailed: return "download-failed";
                case ReportKind.Heartbeat: return "heartbeat";
                default: return null;
            }
        }

        /// <summary>True for a stored byte that names a kind.</summary>
        public static bool IsDefined(int value)
        {
            return value >= (int)ReportKind.TrialScheduled && value <= (int)ReportKind.Heartbeat;
        }
    }
}
