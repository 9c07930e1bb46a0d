namespace SecureOta.Build.Demo.Fleet;

/// <summary>What one poll round of the whole fleet did: the release stable offered and at which percent, the devices that installed, confirmed and reverted it, and the versions running after.</summary>
public sealed record FleetRoundResult(
    string Title,
    string Offered,
    int Percent,
    IReadOnlyList<int> Installed,
    IReadOnlyList<int> Confirmed,
    IReadOnlyList<int> Reverted,
    IReadOnlyList<int> Failed,
    IReadOnlyDictionary<string, int> Running,
    int ReportPosts)
{
    public string Describe() =>
        $"{Title}: stable offers {Offered} to {Percent} %: {Installed.Count} device(s) installed it, {Confirmed.Count} confirmed, {Reverted.Count} reverted"
        + (Failed.Count == 0 ? "" : $", {Failed.Count} failed")
        + $"; running now: {string.Join(", ", Running.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} on {r.Value}"))}"
        + $"; report POSTs {ReportPosts}";
}
