using System.Text.Json;

namespace SecureOta.Build.Releases;

/// <summary>
/// Reads a channel's optional <c>rolloutPolicy</c> in <c>channels.json</c>:
/// <c>{"steps": [1, 10, 50, 100], "minReports": 10, "maxFailureRate": 0.05}</c>. Every problem is reported
/// with its JSON path and what to write instead.
/// </summary>
internal static class RolloutGatePolicyReader
{
    public const string PropertyName = "rolloutPolicy";

    private static readonly string[] Properties = ["steps", "minReports", "maxFailureRate"];

    /// <summary>False (after reporting) when the policy is present but invalid; true with a null policy when absent.</summary>
    public static bool TryRead(StrictJsonObject? channel, Action<string> report, out RolloutGatePolicy? policy)
    {
        policy = null;
        if (channel?.Get(PropertyName, required: false) is not { } element)
        {
            return true;
        }

        var settings = StrictJsonObject.From(element, channel.PathOf(PropertyName), Properties, report);
        if (settings is null)
        {
            return false;
        }

        var steps = Steps(settings, report);
        var minReports = settings.RequiredInt32("minReports", 1, RolloutGatePolicy.MaxMinReports);
        var maxFailureRate = Rate(settings, report);
        if (steps is null || minReports is null || maxFailureRate is null)
        {
            return false;
        }

        policy = new RolloutGatePolicy(steps, minReports.Value, maxFailureRate.Value);
        return true;
    }

    private static List<int>? Steps(StrictJsonObject settings, Action<string> report)
    {
        if (settings.Get("steps", required: true) is not { } value) return null;
        var path = settings.PathOf("steps");
        const string Example = "for example [1, 10, 50, 100]";
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > RolloutGatePolicy.MaxSteps)
        {
            report($"{path}: must be an array of 1 to {RolloutGatePolicy.MaxSteps} percents, {Example}, not {StrictJsonObject.Describe(value)}");
            return null;
        }

        var steps = new List<int>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var step) || step < 1 || step > RolloutConfig.MaxPercent)
            {
                report($"{path}: each step is a whole percent from 1 to 100, not {StrictJsonObject.Describe(item)} ({Example})");
                return null;
            }

            if (steps.Count > 0 && step <= steps[^1])
            {
                report($"{path}: steps must grow strictly ({steps[^1]} then {step}), {Example}");
                return null;
            }

            steps.Add(step);
        }

        return steps;
    }

    private static double? Rate(StrictJsonObject settings, Action<string> report)
    {
        if (settings.Get("maxFailureRate", required: true) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var rate) && rate >= 0 && rate <= 1)
        {
            return rate;
        }

        report($"{settings.PathOf("maxFailureRate")}: must be a share from 0 to 1 (0.05 is 5 %), not {StrictJsonObject.Describe(value)}");
        return null;
    }
}
