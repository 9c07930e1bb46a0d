using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

public sealed class RecordChainReaderTests : IDisposable
{
    private const int FourRecords = 3 * 4096 + 100;
    private readonly SeamProbe _seams = new();

    public void Dispose() => _seams.Dispose();

    /// <summary>What a download of <paramref name="bytes"/> produced: the image written, or the failure.</summary>
    private sealed record Outcome(bool Ok, byte[] Image, VerificationFailure? Failure, int FailedAtRecord, int DecryptsBeforeFailure);

    /// <summary>Streams bytes through the reader as a device would: record by record, then checks for trailing data and finishes.</summary>
    private Outcome Download(TestArtifact artifact, byte[] bytes, RecordChainReader? reader = null, RecordChainPosition? from = null,
        byte[]? key = null, byte[]? imageDigest = null, byte[]? image = null)
    {
        reader ??= new RecordChainReader(_seams, _seams);
        image ??= new byte[artifact.Plain.Length];
        from ??= RecordChainPosition.AtStart(artifact.Head, artifact.Iv);
        reader.Start(artifact.Plain.Length, imageDigest ?? artifact.ImageDigest, key ?? artifact.ContentKey, from);
        int decryptsAtStart = _seams.DecryptCalls;
        long offset = reader.ArtifactOffset;
        VerificationFailure failure;
        while (!reader.IsComplete)
        {
            int got = (int)Math.Min(reader.RecordLength, bytes.Length - offset);
            Array.Copy(bytes, offset, reader.Buffer, 0, got);
            int index = reader.RecordIndex;
            if (!reader.TryProcessRecord(got, out failure))
                return new Outcome(false, image, failure, index, _seams.DecryptCalls - decryptsAtStart);
            Array.Copy(reader.Buffer, 0, image, reader.PlainOffset, reader.PlainLength);
            offset += got;
        }
        if (offset < bytes.Length)
        {
            int extra = (int)Math.Min(reader.Buffer.Length, bytes.Length - offset);
            Array.Copy(bytes, offset, reader.Buffer, 0, extra);
            Assert.False(reader.TryProcessRecord(extra, out failure));
            return new Outcome(false, image, failure, reader.RecordIndex, _seams.DecryptCalls - decryptsAtStart);
        }
        bool ok = reader.TryFinish(out failure);
        return new Outcome(ok, image, failure, reader.RecordIndex, _seams.DecryptCalls - decryptsAtStart);
    }

    private static void AssertFailure(Outcome outcome, VerificationError error, string step)
    {
        Assert.False(outcome.Ok);
        Assert.NotNull(outcome.Failure);
        Assert.True(outcome.Failure!.Error == error && outcome.Failure.Step == step, $"expected {step} {error}, got {outcome.Failure}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(8192)]
    [InlineData(FourRecords)]
    [InlineData(100_000)]
    public void Decrypts_and_verifies_every_size(int plainSize)
    {
        TestArtifact artifact = TestArtifact.Random(plainSize, seed: plainSize);
        Assert.Equal(TestArtifact.SizeFor(plainSize), artifact.Bytes.Length);
        Assert.Equal(artifact.Bytes.Length, ArtifactLayout.ArtifactSize(plainSize));

        Outcome outcome = Download(artifact, artifact.Bytes);
        Assert.True(outcome.Ok, outcome.Failure?.ToString());
        Assert.Equal(artifact.Plain, outcome.Image);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 4100)]     // inside the link of record 0
    [InlineData(1, 2000)]
    [InlineData(2, 4127)]     // last byte of record 2's link
    [InlineData(3, 0)]
    [InlineData(3, 130)]      // last record: cipher is 112 bytes, then the zero link
    public void Flipped_byte_in_any_record_is_rejected_at_that_record_before_decrypting(int record, int offsetInRecord)
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 3);
        byte[] tampered = (byte[])artifact.Bytes.Clone();
        tampered[4128 * record + offsetInRecord] ^= 0x20;

        Outcome outcome = Download(artifact, tampered);
        AssertFailure(outcome, VerificationError.RecordDigestMismatch, "A2");
        Assert.Equal(record, outcome.FailedAtRecord);
        Assert.Equal(record, outcome.DecryptsBeforeFailure); // records before it only
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4128)]            // exactly one whole record
    [InlineData(4128 * 3 + 50)]   // inside the last record
    [InlineData(4128 * 3 + 143)]  // one byte short
    public void Truncated_artifact_is_rejected(int keptBytes)
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 4);
        Outcome outcome = Download(artifact, artifact.Bytes[..keptBytes]);
        AssertFailure(outcome, VerificationError.Truncated, "A1");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(5000)]
    public void Extended_artifact_is_rejected(int extraBytes)
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 5);
        Outcome outcome = Download(artifact, [.. artifact.Bytes, .. new byte[extraBytes]]);
        AssertFailure(outcome, VerificationError.TooLarge, "A1");
    }

    [Fact]
    public void Wrong_last_link_is_rejected_before_decrypting_the_last_record()
    {
        byte[] link = new byte[32];
        link[31] = 1;
        TestArtifact valid = TestArtifact.Random(FourRecords, seed: 6);
        TestArtifact forged = TestArtifact.Encrypt(valid.Plain, valid.ContentKey, valid.Iv, lastLink: link);

        Outcome outcome = Download(forged, forged.Bytes);
        AssertFailure(outcome, VerificationError.ChainEndMismatch, "A5");
        Assert.Equal(3, outcome.FailedAtRecord);
        Assert.Equal(3, outcome.DecryptsBeforeFailure);
    }

    [Fact]
    public void Reordered_records_are_rejected()
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 7);
        byte[] swapped = (byte[])artifact.Bytes.Clone();
        Array.Copy(artifact.Bytes, 4128 * 2, swapped, 4128, 4128);
        Array.Copy(artifact.Bytes, 4128, swapped, 4128 * 2, 4128);

        Outcome outcome = Download(artifact, swapped);
        AssertFailure(outcome, VerificationError.RecordDigestMismatch, "A2");
        Assert.Equal(1, outcome.FailedAtRecord);
    }

    [Fact]
    public void Artifact_of_another_release_is_rejected_at_record_zero()
    {
        TestArtifact expected = TestArtifact.Random(FourRecords, seed: 8);
        TestArtifact other = TestArtifact.Random(FourRecords, seed: 9);
        Outcome outcome = Download(expected, other.Bytes);
        AssertFailure(outcome, VerificationError.RecordDigestMismatch, "A2");
        Assert.Equal(0, outcome.FailedAtRecord);
        Assert.Equal(0, outcome.DecryptsBeforeFailure);
    }

    [Fact]
    public void Wrong_content_key_fails_the_image_digest()
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 10);
        byte[] wrongKey = (byte[])artifact.ContentKey.Clone();
        wrongKey[0] ^= 1;
        AssertFailure(Download(artifact, artifact.Bytes, key: wrongKey), VerificationError.ImageDigestMismatch, "A5");
    }

    [Fact]
    public void Image_digest_of_another_image_is_rejected()
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 11);
        byte[] otherDigest = TestArtifact.ImageDigestOf(new byte[FourRecords]);
        AssertFailure(Download(artifact, artifact.Bytes, imageDigest: otherDigest), VerificationError.ImageDigestMismatch, "A5");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Resume_from_saved_state_gives_the_same_bytes(int recordsBeforeReset)
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 12);
        byte[] image = new byte[FourRecords];

        // First boot: download some records, save the position after each write, then "reset".
        var first = new RecordChainReader(_seams, _seams);
        first.Start(FourRecords, artifact.ImageDigest, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
        var saved = new RecordChainPosition();
        byte[] stored = new byte[RecordChainPosition.EncodedSize];
        for (int i = 0; i < recordsBeforeReset; i++)
        {
            Array.Copy(artifact.Bytes, first.ArtifactOffset, first.Buffer, 0, first.RecordLength);
            Assert.True(first.TryProcessRecord(first.RecordLength, out _));
            Array.Copy(first.Buffer, 0, image, first.PlainOffset, first.PlainLength);
            first.SavePosition(saved);
            saved.WriteTo(stored, 0);
        }

        // Second boot: a new reader resumes at the stored position with a Range request.
        RecordChainPosition position = RecordChainPosition.ReadFrom(stored, 0);
        Assert.Equal(recordsBeforeReset, position.Index);
        Outcome outcome = Download(artifact, artifact.Bytes, from: position, image: image);
        Assert.True(outcome.Ok, outcome.Failure?.ToString());
        Assert.Equal(artifact.Plain, outcome.Image);
        Assert.Equal(4 - recordsBeforeReset, outcome.DecryptsBeforeFailure);
    }

    [Fact]
    public void Resume_with_state_of_another_artifact_is_rejected()
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 13);
        TestArtifact other = TestArtifact.Random(FourRecords, seed: 14);
        var reader = new RecordChainReader(_seams, _seams);
        reader.Start(FourRecords, other.ImageDigest, other.ContentKey, RecordChainPosition.AtStart(other.Head, other.Iv));
        Array.Copy(other.Bytes, 0, reader.Buffer, 0, 4128);
        Assert.True(reader.TryProcessRecord(4128, out _));
        var saved = new RecordChainPosition();
        reader.SavePosition(saved);

        Outcome outcome = Download(artifact, artifact.Bytes, from: saved);
        AssertFailure(outcome, VerificationError.RecordDigestMismatch, "A2");
        Assert.Equal(1, outcome.FailedAtRecord);
    }

    [Fact]
    public void Reader_refuses_use_after_a_failure_until_restarted()
    {
        TestArtifact artifact = TestArtifact.Random(FourRecords, seed: 15);
        var reader = new RecordChainReader(_seams, _seams);
        reader.Start(FourRecords, artifact.ImageDigest, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
        Assert.False(reader.TryProcessRecord(4128, out _)); // buffer holds zeros, not record 0
        Assert.Throws<InvalidOperationException>(() => reader.TryProcessRecord(4128, out _));
        Assert.True(Download(artifact, artifact.Bytes, reader).Ok);
    }

    [Fact]
    public void Steady_state_allocates_nothing_in_the_reader()
    {
        TestArtifact artifact = TestArtifact.Random(40 * 4096, seed: 16);
        var reader = new RecordChainReader(_seams, _seams);
        var position = new RecordChainPosition();
        byte[] image = new byte[artifact.Plain.Length];
        reader.Start(artifact.Plain.Length, artifact.ImageDigest, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
        Array.Copy(artifact.Bytes, 0, reader.Buffer, 0, 4128);
        Assert.True(reader.TryProcessRecord(4128, out _)); // warm up

        long seamBefore = _seams.SeamAllocatedBytes;
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = true;
        for (int i = 1; i < 40; i++)
        {
            Array.Copy(artifact.Bytes, reader.ArtifactOffset, reader.Buffer, 0, reader.RecordLength);
            ok &= reader.TryProcessRecord(reader.RecordLength, out _);
            Array.Copy(reader.Buffer, 0, image, reader.PlainOffset, reader.PlainLength);
            if (!reader.IsComplete) reader.SavePosition(position);
        }
        long coreBytes = GC.GetAllocatedBytesForCurrentThread() - before - (_seams.SeamAllocatedBytes - seamBefore);

        Assert.True(ok);
        Assert.Equal(0, coreBytes);
        Assert.True(reader.TryFinish(out _));
    }
}
