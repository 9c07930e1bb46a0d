using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>Failures for HTTP answers the protocol does not expect, with what to check.</summary>
    internal static class HttpFailures
    {
        public const int Ok = 200;
        public const int PartialContent = 206;
        public const int NotModified = 304;
        public const int NotFound = 404;

        /// <summary>A status that is not an answer to the request (a 404 for something the manifest lists, a 5xx, a redirect).</summary>
        internal static UpdateFailure Unexpected(string path, int status)
        {
            string hint = status == NotFound
                ? "the site does not have it; check that the deploy published every file the manifest names."
                : "the server or CDN is failing; the next poll retries.";
            return new UpdateFailure(UpdateResult.ServerError, "HTTP", "GET " + path + " answered " + status + "; " + hint, null);
        }

        /// <summary>An answer of the wrong kind for the request (A1): it cannot be the artifact bytes asked for.</summary>
        internal static UpdateFailure WrongAnswer(string path, string detail)
        {
            return UpdateFailure.FromVerification(new VerificationFailure(VerificationError.Malformed, "A1",
                "GET " + path + ": " + detail + "; nothing of this response was used. The next poll retries."));
        }
    }
}
