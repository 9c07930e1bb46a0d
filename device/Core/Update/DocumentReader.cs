using System;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Reads a small document body (root, channel manifest, wrapped key) under a hard cap, never
    /// trusting Content-Length as a bound: it only sizes the array, and one byte past the end is always
    /// asked for, to catch a body longer than declared or than the cap (endless data).
    /// Roots and manifests are read into one buffer per client, allocated on first use and reused by every
    /// later document (docs/PROTOCOL.md section 11, "Heap"): a poll never allocates a document's size again.
    /// </summary>
    internal static class DocumentReader
    {
        /// <summary>
        /// Capacity of the client's document buffer: the largest document (a root envelope) and the one byte
        /// past it that is always asked for.
        /// </summary>
        internal const int BufferSize = RootVerifier.MaxEnvelopeSize + 1;

        /// <summary>
        /// Reads the body into buffer[0, count). False with a failure as <see cref="TryRead"/>; the buffer
        /// holds at least cap + 1 bytes, so a body over the cap is always noticed.
        /// </summary>
        internal static bool TryReadInto(IHttpResponse response, byte[] buffer, int cap, string step, string what, out int count, out UpdateFailure failure)
        {
            count = 0;
            failure = null;
            if (buffer.Length <= cap) throw new ArgumentException("the buffer must hold the cap and one byte more", "buffer");
            long declared = response.ContentLength;
            if (declared > cap)
                return TooLarge(step, what + " declares " + declared + " bytes, over its limit of " + cap, out failure);
            int read = Fill(response, buffer, 0, declared >= 0 ? (int)declared + 1 : cap + 1);
            if (declared >= 0 && read < declared)
            {
                failure = new UpdateFailure(UpdateResult.TransportFailed, "NET", what + " ended after " + read + " of its " + declared +
                    " bytes; the connection was cut. The next poll fetches it again.", null);
                return false;
            }
            if (declared >= 0 && read > declared)
                return TooLarge(step, what + " is longer than its declared " + declared + " bytes", out failure);
            if (read > cap) return TooLarge(step, what + " is longer than its limit of " + cap + " bytes", out failure);
            count = read;
            return true;
        }

        /// <summary>
        /// True with the exact body. False with a failure when the body is over <paramref name="cap"/> or
        /// its declared length (<see cref="VerificationError.TooLarge"/> at <paramref name="step"/>), or
        /// ends before its declared length (a cut connection).
        /// </summary>
        internal static bool TryRead(IHttpResponse response, int cap, string step, string what, out byte[] body, out UpdateFailure failure)
        {
            body = null;
            failure = null;
            long declared = response.ContentLength;
            if (declared > cap)
                return TooLarge(step, what + " declares " + declared + " bytes, over its limit of " + cap, out failure);

            if (declared >= 0)
            {
                byte[] exact = new byte[(int)declared];
                int got = Fill(response, exact, 0, exact.Length);
                if (got < exact.Length)
                {
                    failure = new UpdateFailure(UpdateResult.TransportFailed, "NET", what + " ended after " + got + " of its " + declared +
                        " bytes; the connection was cut. The next poll fetches it again.", null);
                    return false;
                }
                byte[] probe = new byte[1];
                if (Fill(response, probe, 0, 1) > 0)
                    return TooLarge(step, what + " is longer than its declared " + declared + " bytes", out failure);
                body = exact;
                return true;
            }

            byte[] buffer = new byte[cap + 1];
            int count = Fill(response, buffer, 0, buffer.Length);
            if (count > cap) return TooLarge(step, what + " is longer than its limit of " + cap + " bytes", out failure);
            body = new byte[count];
            Array.Copy(buffer, 0, body, 0, count);
            return true;
        }

        /// <summary>Reads into buffer[offset, offset+count) until it is full or the body ends; returns the bytes read.</summary>
        internal static int Fill(IHttpResponse response, byte[] buffer, int offset, int count)
        {
            int done = 0;
            while (done < count)
            {
                int read = response.Read(buffer, offset + done, count - done);
                if (read <= 0) break;
                done += read;
            }
            return done;
        }

        private static bool TooLarge(string step, string detail, out UpdateFailure failure)
        {
            failure = UpdateFailure.FromVerification(new VerificationFailure(VerificationError.TooLarge, step,
                detail + "; the server is sending endless or foreign data. Nothing of it was used."));
            return false;
        }
    }
}
