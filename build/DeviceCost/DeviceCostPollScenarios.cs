namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The poll-level steps (boot, no-change poll, manifest verify, root step, whole updates through the
/// core's UpdateClient). Kept apart from the stable crypto, record and delta steps because the trust
/// and poll API is being reworked for protocol v2: adapt this file alone when it lands.
/// </summary>
internal static class DeviceCostPollScenarios
{
    public static IEnumerable<DeviceCostStep> Run(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(inputs);
        return [];
    }
}
