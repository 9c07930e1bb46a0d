using SecureOta.Build.Keys;

namespace SecureOta.Build.Fleet;

/// <summary>
/// What a fleet target did to the registered recipients: the whole list after the change, the entries
/// it touched (for the summary table, with what happened to each), and what the maintainer must do
/// so that the change really holds (a removed device may still hold a group's or the fleet's key).
/// </summary>
public sealed record RecipientChange(
    IReadOnlyList<Recipient> After,
    IReadOnlyList<(Recipient Recipient, string Action)> Touched,
    IReadOnlyList<string> Warnings);
