namespace SecureOta.Build.Delta;

/// <summary>
/// A bench case beside the firmware pairs, measured against one peer: a pair's new image patched from an
/// empty base (against <c>zstd -19</c> of the whole image) or a generated pair (against bsdiff).
/// </summary>
public sealed record BenchCase
{
    public required string Name { get; init; }

    public required int NewSize { get; init; }

    /// <summary>Our plain patch size.</summary>
    public required int PatchSize { get; init; }

    /// <summary>The peer's label, as the report prints it.</summary>
    public required string Peer { get; init; }

    /// <summary>The peer's output size; null when it did not run (see <see cref="PeerProblem"/>).</summary>
    public long? PeerSize { get; init; }

    public string? PeerProblem { get; init; }

    /// <summary>How many times our diff ran; <see cref="DiffTime"/> is the median.</summary>
    public required int Runs { get; init; }

    public required TimeSpan DiffTime { get; init; }

    /// <summary>True when the device patcher rebuilt the new image byte for byte.</summary>
    public required bool RoundTrip { get; init; }
}
