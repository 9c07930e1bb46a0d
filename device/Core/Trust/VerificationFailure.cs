using System;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Why an update stopped: the kind of error, the step of docs/PROTOCOL.md section 9 that found it
    /// ("C4"), and a message for people saying what is wrong and what to do about it.
    /// </summary>
    public sealed class VerificationFailure
    {
        public VerificationFailure(VerificationError error, string step, string message)
        {
            if (step == null) throw new ArgumentNullException("step");
            if (message == null) throw new ArgumentNullException("message");
            Error = error;
            Step = step;
            Message = message;
        }

        public VerificationError Error { get; private set; }

        /// <summary>The step id of PROTOCOL.md section 9: R1..R8, C1..C10, P1..P6, K1..K4, A1..A5; "RW" for the cap on the root walk.</summary>
        public string Step { get; private set; }

        /// <summary>What is wrong and what to do, in one or two sentences.</summary>
        public string Message { get; private set; }

        public override string ToString()
        {
            return Step + " " + ErrorName(Error) + ": " + Message;
        }

        /// <summary>The enum member's name; spelled out because nanoFramework's Enum.ToString may print only the number (no enum metadata on the device).</summary>
        public static string ErrorName(VerificationError error)
        {
            switch (error)
            {
                case VerificationError.Malformed: return "Malformed";
                case VerificationError.TooLarge: return "TooLarge";
                case VerificationError.Truncated: return "Truncated";
                case VerificationError.WrongPayloadType: return "WrongPayloadType";
                case VerificationError.SignatureThreshold: return "SignatureThreshold";
                case VerificationError.KeyIdMismatch: return "KeyIdMismatch";
                case VerificationError.RootVersionMismatch: return "RootVersionMismatch";
                case VerificationError.RootChainTooLong: return "RootChainTooLong";
                case VerificationError.Expired: return "Expired";
                case VerificationError.WrongChannel: return "WrongChannel";
                case VerificationError.RolledBack: return "RolledBack";
                case VerificationError.SecurityDowngrade: return "SecurityDowngrade";
                case VerificationError.KeyAgreementFailed: return "KeyAgreementFailed";
                case VerificationError.KeyUnwrapFailed: return "KeyUnwrapFailed";
                case VerificationError.KeyCheckMismatch: return "KeyCheckMismatch";
                case VerificationError.RecordDigestMismatch: return "RecordDigestMismatch";
                case VerificationError.ChainEndMismatch: return "ChainEndMismatch";
                case VerificationError.ImageDigestMismatch: return "ImageDigestMismatch";
                case VerificationError.RoleKeyShared: return "RoleKeyShared";
                case VerificationError.WrongProduct: return "WrongProduct";
                case VerificationError.IssuedInFuture: return "IssuedInFuture";
                case VerificationError.NotApproved: return "NotApproved";
                default: return "Error" + ((int)error).ToString();
            }
        }
    }
}
