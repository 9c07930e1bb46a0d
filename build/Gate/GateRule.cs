using System.Globalization;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Gate;

/// <summary>
/// The rollout gate's rule (docs/OPERATIONS.md, "The rollout gate"), on the distinct devices of one release:
/// outcomes = confirmed + reverted + failed, failures = reverted + failed.
/// <list type="bullet">
/// <item><b>Halt</b> when failures ≥ 1 and failures &gt; maxFailureRate × max(minReports, outcomes). With at
/// least minReports outcomes this is "failure rate over the maximum"; with fewer, it halts as soon as the
/// failures alone put the rate over the maximum even if every missing report up to minReports were a
/// confirmation, so a release that is already clearly bad does not wait for minReports.</item>
/// <item><b>Widen</b> when outcomes ≥ minReports and the failure rate ≤ maxFailureRate.</item>
/// <item><b>Hold</b> otherwise (too few outcomes to judge).</item>
/// </list>
/// Pure: no I/O, no clock, so it is tested on its own.
/// </summary>
public static class GateRule
{
    public static (GateVerdict Verdict, string Why) Judge(RolloutGatePolicy policy, DeviceOutcomeCounts devices)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(devices);
        var outcomes = devices.Outcomes;
        var failures = devices.Failures;
        var allowed = policy.MaxFailureRate * Math.Max(policy.MinReports, outcomes);
        var max = Percent(policy.MaxFailureRate);
        if (failures >= 1 && failures > allowed)
        {
            return (GateVerdict.Halt, outcomes >= policy.MinReports
                ? $"failure rate {Percent(devices.FailureRate!.Value)} ({failures} of {outcomes} devices) is over the maximum {max}"
                : $"{failures} of {outcomes} devices failed: over the maximum {max} even if the next {policy.MinReports - outcomes} outcome(s) up to minReports {policy.MinReports} all confirmed");
        }

        if (outcomes >= policy.MinReports)
        {
            return (GateVerdict.Widen, $"{outcomes} outcomes (minReports {policy.MinReports}), failure rate {Percent(devices.FailureRate ?? 0)} within the maximum {max}");
        }

        return (GateVerdict.Hold, $"{outcomes} of the {policy.MinReports} outcomes needed (minReports) so far, {failures} failed");
    }

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
