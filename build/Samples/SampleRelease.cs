namespace SecureOta.Build.Samples;

/// <summary>One demo release: its release.json fields and the compile date stamped into its image.</summary>
public sealed record SampleRelease(
    string Version,
    uint SecurityVersion,
    IReadOnlyList<string> Channels,
    string Notes,
    string BuildDate,
    string BuildTime);
