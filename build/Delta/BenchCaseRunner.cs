using System.Diagnostics;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// The bench's cases beside the pairs: each pair's new image from an empty base (what a patch costs when
/// the base explains nothing: compared with <c>zstd -19</c> of the whole new image), and a generated
/// firmware-like image followed by a 4 MiB fill of 0xFF (erased flash; compared with bsdiff). Our diff
/// runs <c>--runs</c> times (median time), the peer once; every patch is applied by the device patcher.
/// </summary>
public static class BenchCaseRunner
{
    /// <summary>Bytes of 0xFF after the generated image of the fill case.</summary>
    public const int FillLength = 4 << 20;

    /// <summary><paramref name="pair"/>'s new image patched from an empty base, against zstd -19 of the new image.</summary>
    public static BenchCase FromEmptyBase(FirmwarePair pair, string scratchFolder, int runs)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var newImage = File.ReadAllBytes(pair.NewPath);
        var empty = Path.Combine(scratchFolder, pair.Name + ".empty");
        File.WriteAllBytes(empty, []);
        var peer = BaselineTool.WholeImageZstd.Measure(pair with { OldPath = empty }, scratchFolder);
        return Measure(pair.Name + " from an empty base", [], newImage, peer, runs);
    }

    /// <summary>A generated 64 KiB firmware-like image, then the same image followed by a 4 MiB fill of 0xFF, against bsdiff.</summary>
    public static BenchCase FillPair(string scratchFolder, int runs)
    {
        var oldImage = FirmwareLike(64 * 1024, 12);
        var newImage = new byte[oldImage.Length + FillLength];
        oldImage.CopyTo(newImage, 0);
        Array.Fill(newImage, (byte)0xFF, oldImage.Length, FillLength);
        var pair = new FirmwarePair("fill", Path.Combine(scratchFolder, "fill.old"), Path.Combine(scratchFolder, "fill.new"));
        File.WriteAllBytes(pair.OldPath, oldImage);
        File.WriteAllBytes(pair.NewPath, newImage);
        var peer = BaselineTool.All.Single(t => t.Executable == "bsdiff").Measure(pair, scratchFolder);
        return Measure("generated 64 KiB + 4 MiB of 0xFF", oldImage, newImage, peer, runs);
    }

    private static BenchCase Measure(string name, byte[] oldImage, byte[] newImage, BaselineMeasurement peer, int runs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        byte[]? patch = null;
        var times = new List<TimeSpan>();
        for (int run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var made = DeltaDiff.Create(oldImage, newImage);
            times.Add(clock.Elapsed);
            patch ??= made;
        }
        var target = new VerifyingTargetImage(newImage);
        bool applied = new DeltaPatcher().TryApply(new MemoryPatchSource(patch!), new MemoryBaseImage(oldImage), target, out _);
        return new BenchCase
        {
            Name = name,
            NewSize = newImage.Length,
            PatchSize = patch!.Length,
            Peer = peer.Tool,
            PeerSize = peer.Size,
            PeerProblem = peer.Problem,
            Runs = runs,
            DiffTime = Median.Of(times)!.Value,
            RoundTrip = applied && target.Matches,
        };
    }

    /// <summary>Deterministic bytes with the texture of code: little-endian words, many of them small or repeated.</summary>
    private static byte[] FirmwareLike(int length, int seed)
    {
        var random = new Random(seed);
        var image = new byte[length];
        for (int i = 0; i + 4 <= length; i += 4)
        {
            uint word = random.Next(4) switch
            {
                0 => (uint)random.Next(256),
                1 => 0x40080000u + (uint)random.Next(0x10000) * 4,
                2 => 0x3F400000u + (uint)random.Next(0x4000) * 4,
                _ => (uint)random.Next(),
            };
            BitConverter.TryWriteBytes(image.AsSpan(i), word);
        }
        return image;
    }
}
