namespace SecureOta.Build.Gate;

/// <summary>
/// The rollout gate's decision record, published with the site as <see cref="SitePath"/> (outside the OTA
/// folder: devices never read it; Verify leaves files outside <c>ota/v2/</c> alone). It is how the gate's
/// state survives the refresh, which rebuilds a tag without committing: the next refresh reads the live
/// record for a halt it made and for the decisions so far, and the dashboard renders it.
/// </summary>
public sealed record GateRecord(
    DateTimeOffset Generated,
    DateTimeOffset? SummaryGenerated,
    string? SummaryProblem,
    IReadOnlyList<GateChannelRecord> Channels)
{
    public const string SitePath = "rollout/gate.json";
    public const string Type = "secureota/rollout-gate";
    public const int Spec = 1;

    /// <summary>The biggest live record the gate reads back; larger is ignored with a note.</summary>
    public const int MaxBytes = 1 << 20;

    public GateChannelRecord? Channel(string name) => Channels.FirstOrDefault(c => c.Channel == name);
}
