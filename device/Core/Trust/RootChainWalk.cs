using System;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// One update's walk over roots/&lt;N+1&gt;.json, roots/&lt;N+2&gt;.json, ... (docs/PROTOCOL.md
    /// section 5): feeds each fetched envelope to <see cref="RootVerifier.TryAcceptNext"/>, enforces
    /// the cap of 32 new versions per update, and checks expiry (R8) only once the walk ends. The
    /// caller does the fetching and persists <see cref="Newest"/> only after <see cref="TryFinish"/>.
    /// </summary>
    public sealed class RootChainWalk
    {
        /// <summary>Most new root versions accepted in one update (section 11).</summary>
        public const int MaxNewVersions = 32;

        private TrustedRoot _newest;
        private int _accepted;
        private bool _releaseRoleChanged;

        public RootChainWalk(TrustedRoot trusted)
        {
            if (trusted == null) throw new ArgumentNullException("trusted");
            _newest = trusted;
        }

        /// <summary>The newest root accepted so far (the starting root before any).</summary>
        public TrustedRoot Newest { get { return _newest; } }

        /// <summary>New versions accepted in this walk.</summary>
        public int AcceptedCount { get { return _accepted; } }

        /// <summary>
        /// True when any root accepted in this walk changed the release role (its keys or threshold) from
        /// the root before it: the device then resets its manifest floors (PROTOCOL.md section 9, "Floors").
        /// </summary>
        public bool ReleaseRoleChanged { get { return _releaseRoleChanged; } }

        /// <summary>Version to fetch next: roots/&lt;NextVersion&gt;.json.</summary>
        public long NextVersion { get { return _newest.Version + 1; } }

        /// <summary>False once the cap is reached: fetch no further this update.</summary>
        public bool CanFetchMore { get { return _accepted < MaxNewVersions; } }

        /// <summary>Verifies the envelope fetched for <see cref="NextVersion"/>; on success it becomes the newest.</summary>
        public bool TryAccept(byte[] envelope, out VerificationFailure failure)
        {
            if (envelope == null) throw new ArgumentNullException("envelope");
            return TryAccept(envelope, envelope.Length, true, out failure);
        }

        /// <summary>The same for the envelope in data[0, count) of a reused buffer (the new root keeps its canonical envelope).</summary>
        public bool TryAccept(byte[] data, int count, out VerificationFailure failure)
        {
            if (data == null) throw new ArgumentNullException("data");
            return TryAccept(data, count, false, out failure);
        }

        private bool TryAccept(byte[] data, int count, bool whole, out VerificationFailure failure)
        {
            if (!CanFetchMore)
            {
                failure = new VerificationFailure(VerificationError.RootChainTooLong, "RW",
                    "more than " + MaxNewVersions + " new root versions in one update; the walk stops here and " +
                    "continues from version " + _newest.Version + " on the next update.");
                return false;
            }
            TrustedRoot next;
            bool accepted = whole ? RootVerifier.TryAcceptNext(_newest, data, out next, out failure)
                : RootVerifier.TryAcceptNext(_newest, data, count, out next, out failure);
            if (!accepted) return false;
            if (!next.HasSameReleaseRole(_newest)) _releaseRoleChanged = true;
            _newest = next;
            _accepted++;
            return true;
        }

        /// <summary>Ends the walk (the next version was not found, or the cap was reached): R8 on the newest root.</summary>
        public bool TryFinish(long now, out TrustedRoot newest, out VerificationFailure failure)
        {
            newest = null;
            if (!RootVerifier.CheckNotExpired(_newest, now, out failure)) return false;
            newest = _newest;
            return true;
        }
    }
}
