namespace SecureOta.Build.Publishing;

/// <summary>The manifest's <c>rollout</c> (docs/PROTOCOL.md section 6).</summary>
/// <param name="Percent">Share of devices in the rollout, 0 to 100.</param>
/// <param name="Salt">16 bytes (<see cref="ContentKeyDerivation.RolloutSalt"/>), so each release buckets devices afresh.</param>
public sealed record RolloutPolicy(int Percent, byte[] Salt);
