using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The first four steps every signed document goes through (R1-R4, C1-C4 of docs/PROTOCOL.md
    /// section 9): size, envelope shape, payload type, signature threshold. Shared so root and
    /// manifest checks cannot drift apart; each takes the step id to report.
    /// </summary>
    internal static class EnvelopeSteps
    {
        public static bool CheckSize(byte[] data, int limit, string step, string document, out VerificationFailure failure)
        {
            return CheckSize(data.Length, limit, step, document, out failure);
        }

        public static bool CheckSize(int count, int limit, string step, string document, out VerificationFailure failure)
        {
            failure = null;
            if (count <= limit) return true;
            failure = new VerificationFailure(VerificationError.TooLarge, step,
                document + " is " + count + " bytes, more than the limit of " + limit +
                "; the server sent something else or the document was built wrongly.");
            return false;
        }

        public static bool TryParse(byte[] data, string step, string document, out SignedEnvelope envelope, out VerificationFailure failure)
        {
            return TryParse(data, data.Length, step, document, out envelope, out failure);
        }

        public static bool TryParse(byte[] data, int count, string step, string document, out SignedEnvelope envelope, out VerificationFailure failure)
        {
            failure = null;
            string reason;
            if (EnvelopeParser.TryParse(data, count, out envelope, out reason)) return true;
            failure = new VerificationFailure(VerificationError.Malformed, step,
                document + " is not a well-formed DSSE envelope: " + reason + ".");
            return false;
        }

        public static bool CheckPayloadType(SignedEnvelope envelope, string expected, string step, out VerificationFailure failure)
        {
            failure = null;
            if (envelope.PayloadType == expected) return true;
            failure = new VerificationFailure(VerificationError.WrongPayloadType, step,
                "envelope has payload type \"" + envelope.PayloadType + "\" where \"" + expected +
                "\" is expected; a document of another kind was served in its place.");
            return false;
        }

        public static bool CheckThreshold(SignedEnvelope envelope, SigningRole role, string signer, string step, out VerificationFailure failure)
        {
            failure = null;
            int valid = SignatureThreshold.CountValidKeys(envelope, role);
            if (valid >= role.Threshold) return true;
            failure = new VerificationFailure(VerificationError.SignatureThreshold, step,
                "only " + valid + " of the " + role.Threshold + " required " + signer + " keys signed validly; " +
                "the document is forged, altered or signed with keys the device does not trust: sign it with the " +
                signer + " keys.");
            return false;
        }
    }
}
