using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>Why a patch was refused: the kind of error and a message saying what is wrong and what to do.</summary>
    public sealed class PatchFailure
    {
        public PatchFailure(PatchError error, string message)
        {
            if (message == null) throw new ArgumentNullException("message");
            Error = error;
            Message = message;
        }

        public PatchError Error { get; private set; }

        /// <summary>What is wrong and what to do, in one or two sentences.</summary>
        public string Message { get; private set; }

        public override string ToString()
        {
            return ErrorName(Error) + ": " + Message;
        }

        /// <summary>The enum member's name; spelled out because nanoFramework's Enum.ToString may print only the number.</summary>
        public static string ErrorName(PatchError error)
        {
            switch (error)
            {
                case PatchError.Truncated: return "Truncated";
                case PatchError.BadMagic: return "BadMagic";
                case PatchError.UnsupportedVersion: return "UnsupportedVersion";
                case PatchError.ImageTooLarge: return "ImageTooLarge";
                case PatchError.BaseMismatch: return "BaseMismatch";
                case PatchError.WritesPastEnd: return "WritesPastEnd";
                case PatchError.OldRangeOutOfBounds: return "OldRangeOutOfBounds";
                case PatchError.EditOutsideRun: return "EditOutsideRun";
                case PatchError.NumberOutOfRange: return "NumberOutOfRange";
                case PatchError.EmptyBlock: return "EmptyBlock";
                case PatchError.CorruptStream: return "CorruptStream";
                case PatchError.TrailingData: return "TrailingData";
                case PatchError.BadSegment: return "BadSegment";
                case PatchError.MatchOutOfWindow: return "MatchOutOfWindow";
                default: return "Error" + ((int)error).ToString();
            }
        }
    }
}
