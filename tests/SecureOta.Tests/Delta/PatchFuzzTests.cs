using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>Random damage to real patches, and random bytes behind a valid header, give only typed errors (or an image the digest check catches).</summary>
public sealed class PatchFuzzTests
{
    private static readonly byte[] OldImage = TestImages.FirmwareLike(3_000, 31);

    private static readonly byte[][] Patches =
    [
        DeltaDiff.Create(OldImage, TestImages.FirmwareLike(3_000, 31, insertAt: 700, insertWords: 40)),
        DeltaDiff.Create(OldImage, TestImages.FirmwareLike(2_000, 32)),
        DeltaDiff.Create(OldImage, TestImages.Random(5_000, 33)),
    ];

    [Fact]
    public void Mutated_patches_give_only_typed_errors()
    {
        var random = new Random(34);
        int refused = 0;
        for (int round = 0; round < 3000; round++)
        {
            var patch = Mutate(Patches[round % Patches.Length], random);
            var run = PatchRun.Apply(OldImage, patch, chunkSize: 1 + random.Next(4096));
            if (!run.Succeeded)
            {
                refused++;
                Assert.True(Enum.IsDefined(run.Failure!.Error), $"undefined error {run.Failure.Error}");
            }
        }
        // Version 2 has no end check over the whole stream: a flipped bit inside a literal or an edit
        // value can decode to another image, which the device's image digest then refuses.
        Assert.True(refused > 1500, $"only {refused} of 3000 mutated patches were refused");
    }

    [Fact]
    public void Mutated_patches_of_candidate_edits_give_only_typed_errors()
    {
        // Relocated pointers among unchanged words, across runs longer than the output window: the damage
        // lands in candidate prefixes, candidate edit symbols and the searches they start.
        var random = new Random(36);
        var old = new byte[12 * 1024];
        random.NextBytes(old);
        for (int at = 0; at < old.Length; at += 4) old[at + 3] &= 0x3F;
        var updated = (byte[])old.Clone();
        for (int at = 4 * random.Next(16); at + 4 <= old.Length; at += 4 * (1 + random.Next(24)))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(at), 0x3F400000u + (uint)random.Next(1 << 20));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(updated.AsSpan(at), System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(old.AsSpan(at)) + 0x40);
        }
        var patch = DeltaDiff.Create(old, updated);
        var valid = PatchRun.Apply(old, patch);
        Assert.True(valid.Succeeded && valid.Statistics.CandidateEdits > 100, $"the valid patch has {valid.Statistics.CandidateEdits} candidate edits");

        int refused = 0;
        for (int round = 0; round < 2000; round++)
        {
            var run = PatchRun.Apply(old, Mutate(patch, random), chunkSize: 1 + random.Next(4096));
            if (run.Succeeded) continue;
            refused++;
            Assert.True(Enum.IsDefined(run.Failure!.Error), $"undefined error {run.Failure.Error}");
        }
        Assert.True(refused > 1000, $"only {refused} of 2000 mutated patches were refused");
    }

    [Fact]
    public void Random_streams_behind_a_valid_header_give_only_typed_errors()
    {
        var random = new Random(35);
        for (int round = 0; round < 2000; round++)
        {
            var patch = new byte[PatchFormat.HeaderSize + random.Next(1, 600)];
            random.NextBytes(patch);
            Patches[0].AsSpan(0, PatchFormat.HeaderSize).CopyTo(patch);
            patch[PatchFormat.HeaderSize] = 0;
            var run = PatchRun.Apply(OldImage, patch);
            Assert.True(!run.Succeeded || run.Output.Length == NewSizeOf(Patches[0]), "a success writes exactly the declared size");
        }
    }

    private static int NewSizeOf(byte[] patch) => (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(patch.AsSpan(12));

    private static byte[] Mutate(byte[] patch, Random random)
    {
        var bytes = new List<byte>(patch);
        int kind = random.Next(6);
        int at = PatchFormat.HeaderSize + random.Next(bytes.Count - PatchFormat.HeaderSize);
        switch (kind)
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                for (int i = random.Next(2, 9); i > 0; i--) bytes[PatchFormat.HeaderSize + random.Next(bytes.Count - PatchFormat.HeaderSize)] = (byte)random.Next(256);
                break;
            case 2:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 3:
                bytes.Insert(at, (byte)random.Next(256));
                break;
            case 4:
                bytes.RemoveAt(at);
                break;
            default:
                bytes[random.Next(PatchFormat.HeaderSize)] ^= (byte)(1 << random.Next(8));
                break;
        }
        return [.. bytes];
    }
}
