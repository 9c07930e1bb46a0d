namespace SecureOta.Device.Core.Update
{
    /// <summary>What one poll did: its result, the failure if any, and what it cost.</summary>
    public sealed class UpdateReport
    {
        internal UpdateReport(UpdateResult result, UpdateFailure failure, string releaseVersion, long sequence, int requests, int records)
        {
            Result = result;
            Failure = failure;
            ReleaseVersion = releaseVersion;
            Sequence = sequence;
            Requests = requests;
            RecordsDownloaded = records;
        }

        public UpdateResult Result { get; private set; }

        /// <summary>Null for UpToDate, NotInRollout, TrialScheduled and AwaitingConfirmation.</summary>
        public UpdateFailure Failure { get; private set; }

        /// <summary>release.version of the manifest this poll acted on, or null when none verified.</summary>
        public string ReleaseVersion { get; private set; }

        /// <summary>Sequence of that manifest, or 0.</summary>
        public long Sequence { get; private set; }

        /// <summary>HTTP requests made by this poll.</summary>
        public int Requests { get; private set; }

        /// <summary>Artifact records verified and written by this poll.</summary>
        public int RecordsDownloaded { get; private set; }

        public bool Succeeded { get { return Failure == null; } }

        public override string ToString()
        {
            string text = ResultName(Result) + " (" + Requests + " requests, " + RecordsDownloaded + " records)";
            return Failure == null ? text : text + ": " + Failure.Step + " " + Failure.Message;
        }

        /// <summary>The result's name; spelled out because nanoFramework's Enum.ToString may print only the number.</summary>
        public static string ResultName(UpdateResult result)
        {
            switch (result)
            {
                case UpdateResult.UpToDate: return "UpToDate";
                case UpdateResult.NotInRollout: return "NotInRollout";
                case UpdateResult.TrialScheduled: return "TrialScheduled";
                case UpdateResult.AwaitingConfirmation: return "AwaitingConfirmation";
                case UpdateResult.Rejected: return "Rejected";
                case UpdateResult.NoKeyForDevice: return "NoKeyForDevice";
                case UpdateResult.TransportFailed: return "TransportFailed";
                case UpdateResult.ServerError: return "ServerError";
                case UpdateResult.StorageFailed: return "StorageFailed";
                case UpdateResult.SlotTooSmall: return "SlotTooSmall";
                case UpdateResult.NotProvisioned: return "NotProvisioned";
                default: return "Result" + ((int)result).ToString();
            }
        }
    }
}
