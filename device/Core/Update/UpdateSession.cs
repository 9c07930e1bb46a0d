using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// State shared by the steps of one poll: the committed boot state (what is on flash), the working
    /// copy the steps change, and the poll's counters. <see cref="Commit"/> is the only way a step
    /// stores anything, so what is on flash always matches <see cref="Committed"/>.
    /// </summary>
    internal sealed class UpdateSession
    {
        private readonly BootStateStore _store;
        private readonly UpdateProgressHandler _progress;
        private byte[] _documents;

        internal UpdateSession(DevicePlatform platform, UpdateClientOptions options, BootStateStore store)
        {
            Platform = platform;
            Options = options;
            _store = store;
            _progress = options.Progress;
            Committed = new BootState();
            Working = new BootState();
        }

        internal DevicePlatform Platform { get; private set; }

        internal UpdateClientOptions Options { get; private set; }

        /// <summary>The boot state as stored.</summary>
        internal BootState Committed { get; private set; }

        /// <summary>The copy this poll changes; stored by <see cref="Commit"/>.</summary>
        internal BootState Working { get; private set; }

        /// <summary>Where <see cref="Begin"/> loaded the state from (a copy, or the factory state when both copies are unusable).</summary>
        internal BootStateSource Source { get; private set; }

        internal int Requests { get; set; }

        /// <summary>
        /// The client's one buffer for root and manifest bodies (<see cref="DocumentReader.TryReadInto"/>), allocated
        /// at the first document and reused by every later one, so no poll allocates a document's size again.
        /// </summary>
        internal byte[] Documents
        {
            get
            {
                if (_documents == null) _documents = new byte[DocumentReader.BufferSize];
                return _documents;
            }
        }

        internal int Records { get; set; }

        /// <summary>Bytes of artifact records verified this poll (patch and full image together).</summary>
        internal long ArtifactBytes { get; set; }

        /// <summary>The artifact that put the new image in the slot this poll, or null.</summary>
        internal ManifestArtifact Installed { get; set; }

        /// <summary>The full artifact of the release installed this poll (what a delta is compared with), or null.</summary>
        internal ManifestArtifact Full { get; set; }

        /// <summary>Why a delta patch tried this poll was given up for the full image, or null.</summary>
        internal string DeltaProblem { get; set; }

        /// <summary>Loads the stored state into both copies and resets the counters; false when the device is not provisioned.</summary>
        internal bool Begin()
        {
            Requests = 0;
            Records = 0;
            ArtifactBytes = 0;
            Installed = null;
            Full = null;
            DeltaProblem = null;
            Source = _store.Load(Committed);
            if (Source == BootStateSource.None) return false;
            Working.CopyFrom(Committed);
            return true;
        }

        /// <summary>Stores the working copy (IOException propagates) and makes it the committed one.</summary>
        internal void Commit()
        {
            _store.Save(Working);
            Committed.CopyFrom(Working);
        }

        /// <summary>Moves the working copy to a phase (through the transition table) and reports it.</summary>
        internal void MoveTo(UpdatePhase phase)
        {
            Working.MoveTo(phase);
            Report(phase, 0, 0);
        }

        internal void Report(UpdatePhase phase, int done, int count)
        {
            if (_progress != null) _progress(phase, done, count);
        }
    }
}
