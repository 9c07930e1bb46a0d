using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Fetches keys/&lt;version&gt;/&lt;recipient id&gt; for each recipient key the device holds, in
    /// order, and unwraps the first that works (K1-K4 of docs/PROTOCOL.md section 9). A 404 means the
    /// release has no key for that recipient and the next is tried. Every file is capped at 57 bytes.
    /// </summary>
    internal sealed class ContentKeyFetcher
    {
        private readonly KeyUnwrapper _unwrapper;

        internal ContentKeyFetcher(KeyUnwrapper unwrapper)
        {
            _unwrapper = unwrapper;
        }

        /// <summary>
        /// True with the 16-byte content key. False with a failure; <paramref name="permanent"/> is true
        /// when retrying cannot help for this manifest (no key for this device, or every key refused),
        /// false for network and server errors.
        /// </summary>
        internal bool TryFetch(UpdateSession session, ReleaseTarget release, out byte[] contentKey, out UpdateFailure failure, out bool permanent)
        {
            contentKey = null;
            failure = null;
            permanent = false;
            IHttpTransport transport = session.Platform.Transport;
            UpdateClientOptions options = session.Options;
            VerificationFailure refused = null;
            for (int i = 0; i < options.RecipientKeyCount; i++)
            {
                RecipientKey recipient = options.GetRecipientKey(i);
                string path = release.WrappedKeyPath(recipient.Id);
                byte[] file;
                IHttpResponse response = transport.Get(path, -1, null);
                session.Requests++;
                try
                {
                    if (response.StatusCode == HttpFailures.NotFound) continue;
                    if (response.StatusCode != HttpFailures.Ok)
                    {
                        failure = HttpFailures.Unexpected(path, response.StatusCode);
                        return false;
                    }
                    if (!DocumentReader.TryRead(response, KeyUnwrapper.FileSize, "K1", path, out file, out failure))
                    {
                        if (failure.Verification == null) return false;
                        refused = failure.Verification;
                        continue;
                    }
                }
                finally
                {
                    response.Dispose();
                }
                VerificationFailure verification;
                if (_unwrapper.TryUnwrap(file, recipient, release.KeyCheck, out contentKey, out verification)) return true;
                refused = verification;
            }
            permanent = true;
            failure = refused != null
                ? UpdateFailure.FromVerification(refused)
                : new UpdateFailure(UpdateResult.NoKeyForDevice, "K1", "release " + release.Version + " has no wrapped key for any of this device's " +
                    options.RecipientKeyCount + " recipient ids (first " + options.GetRecipientKey(0).Id +
                    "); register the device's public key under keys/ and publish again.", null);
            return false;
        }
    }
}
