namespace SecureOta.Build.Delta;

/// <summary>Two consecutive releases of one firmware, for the delta bench.</summary>
public sealed record FirmwarePair(string Name, string OldPath, string NewPath);
