namespace SecureOta.Build.Delta;

/// <summary>What one external delta tool made of a pair: its patch size and time, or why there is none.</summary>
public sealed record BaselineMeasurement(string Tool, long? Size, TimeSpan? Time, string? Problem)
{
    public static BaselineMeasurement Missing(string tool, string problem) => new(tool, null, null, problem);
}
