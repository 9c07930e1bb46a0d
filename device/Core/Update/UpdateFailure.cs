using System;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Why a poll failed: the result, the step that found it (a PROTOCOL.md section 9 step such as "C4",
    /// or "HTTP", "NET", "IO", "SLOT"), a message for people saying what is wrong and what to do, and
    /// for verification failures the <see cref="VerificationFailure"/> itself.
    /// </summary>
    public sealed class UpdateFailure
    {
        public UpdateFailure(UpdateResult result, string step, string message, VerificationFailure verification)
        {
            if (step == null) throw new ArgumentNullException("step");
            if (message == null) throw new ArgumentNullException("message");
            Result = result;
            Step = step;
            Message = message;
            Verification = verification;
        }

        public UpdateResult Result { get; private set; }

        public string Step { get; private set; }

        public string Message { get; private set; }

        /// <summary>The verifier's failure when <see cref="Result"/> is <see cref="UpdateResult.Rejected"/>, else null.</summary>
        public VerificationFailure Verification { get; private set; }

        /// <summary>A failure from a verification step.</summary>
        public static UpdateFailure FromVerification(VerificationFailure failure)
        {
            if (failure == null) throw new ArgumentNullException("failure");
            return new UpdateFailure(UpdateResult.Rejected, failure.Step, failure.Message, failure);
        }

        public override string ToString()
        {
            return Step + " " + UpdateReport.ResultName(Result) + ": " + Message;
        }
    }
}
