using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>The conditional GET of channels/&lt;channel&gt;.json that starts every poll (a 304 ends it).</summary>
    internal static class ManifestFetcher
    {
        /// <summary>
        /// True with the envelope and its ETag, or with <paramref name="notModified"/> when the server answered
        /// 304 to an If-None-Match; false with a failure for any other status or a body over the cap.
        /// </summary>
        internal static bool TryFetch(UpdateSession session, string channelPath, string ifNoneMatch, out byte[] envelope, out string etag, out bool notModified, out UpdateFailure failure)
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
                return DocumentReader.TryRead(response, ChannelManifestVerifier.MaxEnvelopeSize, "C1", channelPath, out envelope, out failure);
            }
            finally
            {
                response.Dispose();
            }
        }
    }
}
