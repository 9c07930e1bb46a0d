using System;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// Raised inside <see cref="JsonValidator"/> when a document breaks a rule, and caught by <see cref="JsonReader"/>,
    /// which turns it into a failure reason. It never leaves the reader: only this type is caught, so a
    /// bug in the parser (an index error, say) still surfaces instead of being mistaken for bad input.
    /// </summary>
    internal sealed class JsonMalformedException : Exception
    {
        public JsonMalformedException(string message)
            : base(message)
        {
        }
    }
}
