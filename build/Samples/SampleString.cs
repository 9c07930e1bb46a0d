namespace SecureOta.Build.Samples;

/// <summary>An entry of the sample program's string table.</summary>
internal sealed record SampleString(int Id, string Text);
