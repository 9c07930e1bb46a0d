namespace SecureOta.Build.Fleet;

/// <summary>One line of the live site check: what was checked, whether it is fine, due soon, or failing, and the detail.</summary>
public sealed record LiveSiteFinding(string Subject, LiveSiteStatus Status, string Detail);
