using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.Device.Support;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// The pieces a delta update adds under the update client: the record reader's mode for artifacts that
/// are not images (a patch: every record verified before it is decrypted, no image digest, no resume
/// point), and the power-cut flash's read streams, which seek as the running image's file does.
/// </summary>
public sealed class PatchArtifactReadingTests : IDisposable
{
    private readonly DotNetAes128 _aes = new();

    public void Dispose() => _aes.Dispose();

    private RecordChainReader Start(TestArtifact artifact)
    {
        var reader = new RecordChainReader(new DotNetHmacSha256(), _aes);
        reader.StartWithoutImageDigest(artifact.Plain.Length, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
        return reader;
    }

    /// <summary>Feeds every record; returns the plain bytes, or the first failure.</summary>
    private static byte[] Read(RecordChainReader reader, byte[] bytes, out VerificationFailure? failure)
    {
        var plain = new MemoryStream();
        failure = null;
        long offset = 0;
        while (!reader.IsComplete)
        {
            int got = (int)Math.Min(reader.RecordLength, bytes.Length - offset);
            Array.Copy(bytes, offset, reader.Buffer, 0, got);
            offset += got;
            if (!reader.TryProcessRecord(got, out failure)) return plain.ToArray();
            plain.Write(reader.Buffer, 0, reader.PlainLength);
        }
        return plain.ToArray();
    }

    [Fact]
    public void A_patch_artifact_decrypts_record_by_record_and_finishes_on_its_length_without_an_image_digest()
    {
        TestArtifact patch = TestArtifact.Random(2 * 4096 + 123, seed: 31);
        RecordChainReader reader = Start(patch);

        byte[] plain = Read(reader, patch.Bytes, out VerificationFailure? failure);

        Assert.Null(failure);
        Assert.Equal(patch.Plain, plain);
        Assert.True(reader.TryFinish(out failure), failure?.ToString());
        Assert.Throws<InvalidOperationException>(() => reader.SavePosition(new RecordChainPosition()));
    }

    [Fact]
    public void A_tampered_patch_record_fails_its_digest_before_it_is_decrypted()
    {
        TestArtifact patch = TestArtifact.Random(2 * 4096 + 123, seed: 32);
        byte[] tampered = (byte[])patch.Bytes.Clone();
        tampered[4128 + 7] ^= 0x01;

        byte[] plain = Read(Start(patch), tampered, out VerificationFailure? failure);

        Assert.True(failure is { Error: VerificationError.RecordDigestMismatch, Step: "A2" }, failure?.ToString());
        Assert.Equal(patch.Plain[..4096], plain);
    }

    [Fact]
    public void A_patch_resumed_from_a_saved_record_position_verifies_and_decrypts_the_next_record_and_refuses_a_wrong_chain()
    {
        TestArtifact patch = TestArtifact.Random(5000, seed: 33);
        var reader = new RecordChainReader(new DotNetHmacSha256(), _aes);
        reader.StartWithoutImageDigest(patch.Plain.Length, patch.ContentKey, RecordChainPosition.AtStart(patch.Head, patch.Iv));
        Array.Copy(patch.Bytes, reader.Buffer, 4128);
        Assert.True(reader.TryProcessRecord(4128, out _));
        var saved = new RecordChainPosition();
        reader.SavePosition(saved);
        Assert.Equal(new byte[32], saved.ImageFold);

        var resumed = new RecordChainReader(new DotNetHmacSha256(), _aes);
        resumed.StartWithoutImageDigest(patch.Plain.Length, patch.ContentKey, saved);
        int length = resumed.RecordLength;
        Array.Copy(patch.Bytes, 4128, resumed.Buffer, 0, length);
        Assert.True(resumed.TryProcessRecord(length, out _));
        Assert.Equal(patch.Plain[4096..], resumed.Buffer[..resumed.PlainLength]);
        Assert.True(resumed.TryFinish(out _));

        saved.ChainBlock[0] ^= 1;
        saved.ExpectedDigest[0] ^= 1;
        var wrong = new RecordChainReader(new DotNetHmacSha256(), _aes);
        wrong.StartWithoutImageDigest(patch.Plain.Length, patch.ContentKey, saved);
        Array.Copy(patch.Bytes, 4128, wrong.Buffer, 0, length);
        Assert.False(wrong.TryProcessRecord(length, out VerificationFailure? failure));
        Assert.Equal("A2", failure?.Step);
    }

    [Fact]
    public void Power_cut_flash_read_streams_seek_and_stop_when_the_power_is_off()
    {
        var flash = new MemoryFileStore();
        flash.Write("slot.a", [.. Enumerable.Range(0, 100).Select(i => (byte)i)]);
        var power = new PowerCutFileStore(flash, cutAt: 1);
        using Stream read = power.OpenRead("slot.a");

        Assert.True(read.CanSeek);
        read.Seek(40, SeekOrigin.Begin);
        Assert.Equal(40, read.ReadByte());
        Assert.Throws<PowerCutException>(() => power.OpenWrite("other", append: false));
        Assert.Throws<PowerCutException>(() => read.Seek(0, SeekOrigin.Begin));
        power.RestorePower();
        read.Seek(0, SeekOrigin.Begin);
        Assert.Equal(0, read.ReadByte());
        using Stream write = power.OpenWrite("other", append: true);
        Assert.False(write.CanSeek);
    }
}
