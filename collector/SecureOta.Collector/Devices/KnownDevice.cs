namespace SecureOta.Collector.Devices;

/// <summary>
/// A device registered in the recipients file: its id (64 lowercase hex of SHA-256 of its X25519 public
/// key, as the device's RecipientKey.Id), its name for people, and the report MAC key it shares with
/// this collector (derived once at load, so each report costs one HMAC).
/// </summary>
public sealed record KnownDevice(string Id, string Name, byte[] MacKey);
