namespace SecureOta.Build.Site;

/// <summary>
/// One channel manifest read from the live site whose envelope is signed by a threshold of the newest
/// root's release role (<see cref="LiveManifests"/>): what devices may hold right now.
/// </summary>
/// <param name="Channel">The channel whose manifest file it was.</param>
/// <param name="Payload">The envelope's payload bytes (the manifest's JSON), not yet parsed.</param>
/// <param name="Source">Where it came from, for the log ("the live site").</param>
public sealed record LiveManifest(string Channel, byte[] Payload, string Source);
