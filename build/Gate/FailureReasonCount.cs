namespace SecureOta.Build.Gate;

/// <summary>One failure reason of a release in the collector's summary: the report kind, check code and text, and how many devices gave it.</summary>
public sealed record FailureReasonCount(string Kind, string? Check, string? Reason, int Devices);
