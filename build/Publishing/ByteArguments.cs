namespace SecureOta.Build.Publishing;

/// <summary>Argument checks shared by the writers: a key or digest of the wrong length is a caller error.</summary>
internal static class ByteArguments
{
    /// <summary>Throws unless <paramref name="value"/> is non-null and exactly <paramref name="length"/> bytes.</summary>
    public static void RequireLength(byte[] value, int length, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (value.Length != length)
            throw new ArgumentException($"expected {length} bytes, got {value.Length}", parameter);
    }
}
