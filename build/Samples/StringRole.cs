namespace SecureOta.Build.Samples;

/// <summary>What a generated string is used for, which decides its shape.</summary>
internal enum StringRole
{
    Tag,
    ErrorName,
    LogFormat,
}
