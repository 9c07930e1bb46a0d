using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>What one poll did: its result, the failure if any, what it cost, and how the new image came.</summary>
    public sealed class UpdateReport
    {
        internal UpdateReport(UpdateResult result, UpdateFailure failure, string releaseVersion, long sequence, UpdateSession session)
        {
            Result = result;
            Failure = failure;
            ReleaseVersion = releaseVersion;
            Sequence = sequence;
            Requests = session.Requests;
            RecordsDownloaded = session.Records;
            ArtifactBytes = session.ArtifactBytes;
            DeltaProblem = session.DeltaProblem;
            ManifestArtifact installed = session.Installed;
            if (installed != null)
            {
                InstalledKind = installed.Kind;
                DeltaBaseVersion = installed.BaseVersion;
                FullImageBytes = session.Full.Size;
            }
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

        /// <summary>Bytes of artifact records downloaded and verified by this poll (a patch and a full image together).</summary>
        public long ArtifactBytes { get; private set; }

        /// <summary>"delta" or "full": the artifact that put the new image in the slot this poll; null when none did.</summary>
        public string InstalledKind { get; private set; }

        /// <summary>True when the new image was built from a delta patch.</summary>
        public bool InstalledByDelta { get { return InstalledKind == ManifestArtifact.DeltaKind; } }

        /// <summary>For an image built from a delta: the version of the base image the patch applied to; else null.</summary>
        public string DeltaBaseVersion { get; private set; }

        /// <summary>Size of the release's full artifact when an image was installed this poll; else 0.</summary>
        public long FullImageBytes { get; private set; }

        /// <summary>Bytes not downloaded thanks to a delta patch: full artifact minus everything downloaded; 0 without one.</summary>
        public long BytesSaved { get { return InstalledByDelta && FullImageBytes > ArtifactBytes ? FullImageBytes - ArtifactBytes : 0; } }

        /// <summary>Why a delta patch tried this poll was given up for the full image, or null.</summary>
        public string DeltaProblem { get; private set; }

        public bool Succeeded { get { return Failure == null; } }

        public override string ToString()
        {
            string text = ResultName(Result) + " (" + Requests + " requests, " + RecordsDownloaded + " records";
            if (InstalledByDelta) text = text + ", delta from " + DeltaBaseVersion + ": " + ArtifactBytes + " of " + FullImageBytes + " bytes";
            text = text + ")";
            if (DeltaProblem != null) text = text + " [delta abandoned: " + DeltaProblem + "]";
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
                case UpdateResult.ReleaseRejected: return "ReleaseRejected";
                case UpdateResult.InternalError: return "InternalError";
                case UpdateResult.OutOfMemory: return "OutOfMemory";
                default: return "Result" + ((int)result).ToString();
            }
        }
    }
}
