namespace SecureOta.Build.Frosting;

/// <summary>One line of the run summary.</summary>
internal sealed record TaskRecord(string Name, TaskOutcome Outcome, TimeSpan Duration);
