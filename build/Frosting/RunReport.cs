namespace SecureOta.Build.Frosting;

/// <summary>What happened in a run: every planned task's record, and the failure that stopped it, if any.</summary>
internal sealed record RunReport(IReadOnlyList<TaskRecord> Records, Exception? Failure, string? FailedTask);
