using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The root walk of a poll (docs/PROTOCOL.md section 5): fetches roots/&lt;N+1&gt;.json,
    /// roots/&lt;N+2&gt;.json, ... until a 404 or the cap, each checked by <see cref="RootChainWalk"/>,
    /// then R8 on the newest. Only a fully verified walk is stored: first the new root file, then the
    /// boot state naming it, then the superseded file is deleted, so a power cut at any point leaves a
    /// state whose root file exists. The newest root keeps the split points of its keys (PROTOCOL.md section 5) for the
    /// client, which builds its release and approval keys' tables from them when it starts using the root.
    /// </summary>
    internal sealed class RootUpdater
    {
        private readonly TrustedRootStore _roots;

        internal RootUpdater(TrustedRootStore roots)
        {
            _roots = roots;
        }

        /// <summary>Walks from <paramref name="current"/>; on success <paramref name="newest"/> is the root to verify manifests with.</summary>
        internal bool TryUpdate(UpdateSession session, TrustedRoot current, long now, out TrustedRoot newest, out UpdateFailure failure)
        {
            newest = null;
            failure = null;
            IHttpTransport transport = session.Platform.Transport;
            RootChainWalk walk = new RootChainWalk(current);
            VerificationFailure verification;
            while (walk.CanFetchMore)
            {
                string path = "roots/" + walk.NextVersion.ToString() + ".json";
                byte[] buffer = session.Documents;
                int count;
                IHttpResponse response = transport.Get(path, -1, null);
                session.Requests++;
                try
                {
                    if (response.StatusCode == HttpFailures.NotFound) break;
                    if (response.StatusCode != HttpFailures.Ok)
                    {
                        failure = HttpFailures.Unexpected(path, response.StatusCode);
                        return false;
                    }
                    if (!DocumentReader.TryReadInto(response, buffer, RootVerifier.MaxEnvelopeSize, "R1", path, out count, out failure)) return false;
                }
                finally
                {
                    response.Dispose();
                }
                // Every root carries the split points of all its approval and release keys, so only the newest's are used (the client builds the
                // tables from them once the walk is stored): the root before it drops its payload before the next is parsed.
                walk.Newest.KeyPoints = null;
                if (!walk.TryAccept(buffer, count, out verification))
                {
                    failure = UpdateFailure.FromVerification(verification);
                    return false;
                }
            }
            if (!walk.TryFinish(now, out newest, out verification))
            {
                failure = UpdateFailure.FromVerification(verification);
                return false;
            }
            if (walk.AcceptedCount > 0) Store(session, newest, walk.ReleaseRoleChanged);
            return true;
        }

        /// <summary>
        /// Stores the new root. When the walk changed the release role, the manifest floors (highest
        /// sequence, last issued) are reset in the same write, as TUF resets its timestamp and snapshot state
        /// when those keys rotate: whatever sequence or issued time a leaked or misused release key signed,
        /// the next honest manifest signed by the new key is accepted (PROTOCOL.md section 9, "Floors").
        /// </summary>
        private void Store(UpdateSession session, TrustedRoot newest, bool releaseRoleChanged)
        {
            long superseded = session.Working.TrustedRootVersion;
            _roots.Save(newest);
            session.Working.TrustedRootVersion = newest.Version;
            if (releaseRoleChanged)
            {
                session.Working.HighestSequence = 0;
                session.Working.LastIssued = 0;
            }
            session.Commit();
            _roots.DeleteSuperseded(superseded);
        }
    }
}
