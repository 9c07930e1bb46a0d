namespace SecureOta.Build.Publishing;

/// <summary>
/// A channel manifest to be written as the payload of docs/PROTOCOL.md section 6. The members
/// <c>type</c> and <c>spec</c> are fixed by the writer.
/// </summary>
/// <param name="Product">The product id of the root, [a-z0-9-]{1,32}.</param>
/// <param name="Channel">[a-z0-9-]{1,32}.</param>
/// <param name="Sequence">Grows with every deploy: the signing time, or one more than the live manifest's.</param>
/// <param name="Issued">Unix time in seconds.</param>
/// <param name="Expires">Unix time in seconds, after <paramref name="Issued"/>.</param>
/// <param name="Release">The target release.</param>
/// <param name="Rollout">The rollout policy.</param>
public sealed record ChannelManifest(
    string Product,
    string Channel,
    long Sequence,
    long Issued,
    long Expires,
    ReleaseEntry Release,
    RolloutPolicy Rollout);
