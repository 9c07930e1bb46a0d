using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The conditional GET of channels/&lt;channel&gt;.json that starts every poll (a 304 ends it). The body is read
    /// into the client's document buffer and parsed at once (C1, C2): only the signed message and the signatures
    /// are kept, so the buffer is free for the root walk that follows, and unknown members never cost heap.
    /// </summary>
    internal static class ManifestFetcher
    {
        /// <summary>
        /// True with the envelope and its ETag, or with <paramref name="notModified"/> when the server answered
        /// 304 to an If-None-Match; false with a failure for any other status or a body over the cap.
        /// </summary>
        internal static bool TryFetch(UpdateSession session, string channelPath, string ifNoneMatch, out SignedEnvelope envelope, out string etag, out bool notModified, out UpdateFailure failure)
        {
            envelope = null;
            etag = null;
            notModified = false;
            failure = null;
            IHttpResponse response = session.Platform.Transport.Get(channelPath, -1, ifNoneMatch);
            session.Requests++;
            try
            {
                int status = response.StatusCode;
                if (status == HttpFailures.NotModified && ifNoneMatch != null)
                {
                    notModified = true;
                    return true;
                }
                if (status != HttpFailures.Ok)
                {
                    failure = HttpFailures.Unexpected(channelPath, status);
                    return false;
                }
                etag = response.ETag;
                byte[] buffer = session.Documents;
                int count;
                if (!DocumentReader.TryReadInto(response, buffer, ChannelManifestVerifier.MaxEnvelopeSize, "C1", channelPath, out count, out failure))
                    return false;
                VerificationFailure malformed;
                if (ChannelManifestVerifier.TryParseEnvelope(buffer, count, out envelope, out malformed)) return true;
                failure = UpdateFailure.FromVerification(malformed);
                return false;
            }
            finally
            {
                response.Dispose();
            }
        }
    }
}
