namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// The JSON literal <c>null</c>. A singleton rather than a C# null, so "member present with value
    /// null" and "member missing" can never be confused by a caller.
    /// </summary>
    public sealed class JsonNull
    {
        /// <summary>The only instance.</summary>
        public static readonly JsonNull Value = new JsonNull();

        private JsonNull()
        {
        }

        public override string ToString()
        {
            return "null";
        }
    }
}
