using System;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// How the update client reports to the collector its trusted root names (docs/PROTOCOL.md section 11d):
    /// the transport, how long the sending after a poll may take, and how often a heartbeat is queued.
    /// Reporting never delays an update: it runs after the poll's update work, within its own deadline.
    /// </summary>
    public sealed class ReportOptions
    {
        /// <summary>Seconds the reports after one poll may take unless chosen.</summary>
        public const int DefaultDeadlineSeconds = 20;

        /// <summary>Uptime between two heartbeats unless chosen: one a day (and one on the first poll after each boot).</summary>
        public const int DefaultHeartbeatIntervalSeconds = 86400;

        public ReportOptions(IReportTransport transport)
        {
            if (transport == null) throw new ArgumentNullException("transport");
            Transport = transport;
            DeadlineSeconds = DefaultDeadlineSeconds;
            HeartbeatIntervalSeconds = DefaultHeartbeatIntervalSeconds;
        }

        public IReportTransport Transport { get; private set; }

        /// <summary>Seconds of monotonic time the sending after one poll may take (at least 1); queued reports wait for the next poll.</summary>
        public int DeadlineSeconds { get; set; }

        /// <summary>Seconds of uptime between heartbeats (at least 60).</summary>
        public int HeartbeatIntervalSeconds { get; set; }

        /// <summary>Called with a line per report sent, kept or refused; null for none.</summary>
        public ReportLogHandler Log { get; set; }

        internal void Validate()
        {
            if (DeadlineSeconds < 1) throw new ArgumentOutOfRangeException("options", "Reports.DeadlineSeconds is at least 1");
            if (HeartbeatIntervalSeconds < 60) throw new ArgumentOutOfRangeException("options", "Reports.HeartbeatIntervalSeconds is at least 60");
        }
    }
}
