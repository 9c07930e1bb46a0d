using System;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Reports;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// What the update client needs to know about the device: its channel, its recipient keys, and
    /// two knobs that trade flash wear and bandwidth against robustness.
    /// </summary>
    public sealed class UpdateClientOptions
    {
        /// <summary>Resume point written every this many records unless chosen: 16 records = 64 KiB of image per state write.</summary>
        public const int DefaultSaveEveryRecords = 16;

        /// <summary>Range requests a poll makes after dropped connections before it gives up until the next poll.</summary>
        public const int DefaultMaxResumes = 3;

        /// <summary>
        /// Polls that try a release's wrapped key before a 404 or an undecryptable key file is taken as final:
        /// with hourly polls, a mirror or CDN that is wrong for up to 3 hours costs no release.
        /// </summary>
        public const int DefaultMaxKeyAttempts = 4;

        /// <summary>
        /// A poll's total time bound unless chosen: 15 minutes, room for a 1.5 MiB image at the minimum rate
        /// plus the signature checks an ESP32 runs between requests.
        /// </summary>
        public const int DefaultPollDeadlineSeconds = 900;

        /// <summary>
        /// The slowest average a response may keep up after its grace period unless chosen: 2 KiB/s, several
        /// times below what an ESP32 on a weak Wi-Fi link fetches over TLS, far above a server that drips.
        /// </summary>
        public const int DefaultMinimumBytesPerSecond = 2048;

        /// <summary>Seconds a response may take before its rate is judged (TLS setup, TCP slow start, a documents' whole body).</summary>
        public const int DefaultRateGraceSeconds = 15;

        private readonly RecipientKey[] _recipientKeys;

        /// <param name="channel">The channel the device follows ("stable").</param>
        /// <param name="recipientKeys">
        /// The recipient keys the device holds, its own first: the first key's id also places the device in
        /// staged rollouts. Wrapped keys are tried in this order.
        /// </param>
        public UpdateClientOptions(string channel, RecipientKey[] recipientKeys)
        {
            if (channel == null) throw new ArgumentNullException("channel");
            if (recipientKeys == null) throw new ArgumentNullException("recipientKeys");
            if (channel.Length < 1 || channel.Length > 32) throw new ArgumentException("a channel name has 1 to 32 characters", "channel");
            if (recipientKeys.Length < 1) throw new ArgumentException("the device holds at least its own recipient key", "recipientKeys");
            for (int i = 0; i < recipientKeys.Length; i++)
            {
                if (recipientKeys[i] == null) throw new ArgumentException("recipient key " + i + " is null", "recipientKeys");
            }
            Channel = channel;
            _recipientKeys = new RecipientKey[recipientKeys.Length];
            Array.Copy(recipientKeys, 0, _recipientKeys, 0, recipientKeys.Length);
            SaveEveryRecords = DefaultSaveEveryRecords;
            MaxResumes = DefaultMaxResumes;
            MaxKeyAttempts = DefaultMaxKeyAttempts;
            PollDeadlineSeconds = DefaultPollDeadlineSeconds;
            MinimumBytesPerSecond = DefaultMinimumBytesPerSecond;
            RateGraceSeconds = DefaultRateGraceSeconds;
        }

        public string Channel { get; private set; }

        /// <summary>Number of recipient keys.</summary>
        public int RecipientKeyCount { get { return _recipientKeys.Length; } }

        /// <summary>Recipient key number <paramref name="index"/> (0 is the device's own).</summary>
        public RecipientKey GetRecipientKey(int index)
        {
            return _recipientKeys[index];
        }

        /// <summary>
        /// Records between two writes of the resume point (at least 1). Fewer writes wear the flash less;
        /// after a reset at most this many records are downloaded again.
        /// </summary>
        public int SaveEveryRecords { get; set; }

        /// <summary>Range requests after dropped connections within one poll (0 disables resuming within a poll).</summary>
        public int MaxResumes { get; set; }

        /// <summary>
        /// Polls of one manifest that may fail to get its content key (no wrapped key for this device, or one
        /// that does not unwrap) before its sequence is stored and it is given up until a newer manifest (at
        /// least 1; 1 gives up at once). Counted in RAM.
        /// </summary>
        public int MaxKeyAttempts { get; set; }

        /// <summary>
        /// Seconds of monotonic time one poll may take from its first request to its last read (at least 1):
        /// past it the poll ends with TransportFailed and a download resumes on the next poll.
        /// </summary>
        public int PollDeadlineSeconds { get; set; }

        /// <summary>
        /// The lowest average rate (bytes per second since the response's headers) a response may fall to once
        /// <see cref="RateGraceSeconds"/> passed; 0 turns the rate check off and leaves only the deadline.
        /// </summary>
        public int MinimumBytesPerSecond { get; set; }

        /// <summary>Seconds after a response's headers before its rate is judged (at least 0).</summary>
        public int RateGraceSeconds { get; set; }

        /// <summary>Called on phase changes and after every record; null for none.</summary>
        public UpdateProgressHandler Progress { get; set; }

        /// <summary>Called with the artifact a poll downloads (a delta patch or the full image) before it starts; null for none.</summary>
        public ArtifactChosenHandler ArtifactChosen { get; set; }

        /// <summary>Called with the trusted root when it is loaded or rotated (the transport's TLS pins); null for none.</summary>
        public TrustedRootHandler RootChanged { get; set; }

        /// <summary>Reports to the collector the trusted root names (PROTOCOL.md section 11d); null: the device never reports.</summary>
        public ReportOptions Reports { get; set; }

        /// <summary>Throws when a knob is out of range; the client checks once, when it is built.</summary>
        internal void Validate()
        {
            if (SaveEveryRecords < 1) throw new ArgumentOutOfRangeException("options", "SaveEveryRecords is at least 1");
            if (MaxResumes < 0) throw new ArgumentOutOfRangeException("options", "MaxResumes is at least 0");
            if (MaxKeyAttempts < 1) throw new ArgumentOutOfRangeException("options", "MaxKeyAttempts is at least 1");
            if (PollDeadlineSeconds < 1) throw new ArgumentOutOfRangeException("options", "PollDeadlineSeconds is at least 1");
            if (MinimumBytesPerSecond < 0 || RateGraceSeconds < 0)
                throw new ArgumentOutOfRangeException("options", "MinimumBytesPerSecond and RateGraceSeconds are at least 0");
        }
    }
}
