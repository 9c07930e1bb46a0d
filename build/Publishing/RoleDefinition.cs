namespace SecureOta.Build.Publishing;

/// <summary>A role of root metadata (docs/PROTOCOL.md section 5): who may sign, and how many must.</summary>
/// <param name="Threshold">Distinct key ids that must sign, 1 to 16 and at most the number of key ids.</param>
/// <param name="KeyIds">1 to 16 unique key ids (64 lowercase hex), each listed in the root's keys.</param>
public sealed record RoleDefinition(int Threshold, IReadOnlyList<string> KeyIds);
