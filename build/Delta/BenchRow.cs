using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>Everything the bench measured on one pair.</summary>
public sealed record BenchRow
{
    public required FirmwarePair Pair { get; init; }

    public required int OldSize { get; init; }

    public required int NewSize { get; init; }

    /// <summary>Our patch and its make-up.</summary>
    public required DeltaDiffResult Diff { get; init; }

    /// <summary>The patch as the pipeline ships it: an encrypted, hash-chained artifact (docs/PROTOCOL.md section 7).</summary>
    public required int ShippedSize { get; init; }

    /// <summary>How many times the diff, the tools and the patcher ran; the times are medians over them.</summary>
    public required int Runs { get; init; }

    /// <summary>The median time of our diff.</summary>
    public required TimeSpan DiffTime { get; init; }

    /// <summary>The median over runs of our diff time divided by bsdiff's in the same run; null when bsdiff did not run.</summary>
    public double? DiffTimeToBsdiff { get; init; }

    /// <summary>The median time of the device patcher applying our patch.</summary>
    public required TimeSpan ApplyTime { get; init; }

    /// <summary>True when the device patcher rebuilt the new image byte for byte.</summary>
    public required bool RoundTrip { get; init; }

    /// <summary>Why the round trip failed, or null.</summary>
    public string? Failure { get; init; }

    public required PatchStatistics Statistics { get; init; }

    /// <summary>Bytes the patcher allocated on the managed heap for the whole application, object headers included.</summary>
    public required long AllocatedBytes { get; init; }

    /// <summary>bsdiff, xdelta3 and zstd, in <see cref="BaselineTool.All"/> order; sizes from the first run, times medians.</summary>
    public required IReadOnlyList<BaselineMeasurement> Baselines { get; init; }

    /// <summary>The bsdiff measurement, if bsdiff ran.</summary>
    public BaselineMeasurement? Bsdiff => Baselines.FirstOrDefault(b => b.Tool == "bsdiff");
}
