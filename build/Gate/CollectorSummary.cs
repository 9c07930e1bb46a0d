namespace SecureOta.Build.Gate;

/// <summary>The collector's <c>GET /v1/summary</c> answer (spec 1), as the rollout gate and the dashboard read it.</summary>
/// <param name="Generated">When the collector computed it.</param>
/// <param name="Channels">Per channel, in the collector's order.</param>
public sealed record CollectorSummary(DateTimeOffset Generated, IReadOnlyList<ChannelReportSummary> Channels)
{
    public ChannelReportSummary? Channel(string name) => Channels.FirstOrDefault(c => c.Channel == name);
}
