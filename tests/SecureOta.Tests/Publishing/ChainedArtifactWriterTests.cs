using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Artifacts;

namespace SecureOta.Tests.Publishing;

/// <summary>The encrypted hash chain of docs/PROTOCOL.md section 7, checked by an independent reader.</summary>
public sealed class ChainedArtifactWriterTests
{
    private static readonly byte[] Key = ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.0.0");
    private readonly ChainedArtifactWriter _writer = new();

    public static TheoryData<int> PlainSizes => new() { 1, 15, 16, 17, 4095, 4096, 4097, 8192, 300000 };

    [Theory]
    [MemberData(nameof(PlainSizes))]
    public void Artifact_size_is_the_layout_size_of_the_plain_length(int plainSize)
    {
        EncryptedArtifact artifact = Write(PublishingSamples.Image(plainSize));

        Assert.Equal(ArtifactLayout.ArtifactSize(plainSize), artifact.Size);
        Assert.Equal(artifact.Bytes.Length, artifact.Size);
        Assert.Equal(plainSize, artifact.PlainSize);
        int count = (plainSize + 4095) / 4096;
        int last = plainSize - 4096 * (count - 1);
        Assert.Equal(4128 * (count - 1) + (last + 15) / 16 * 16 + 32, artifact.Size);
    }

    [Theory]
    [MemberData(nameof(PlainSizes))]
    public void Decrypting_every_record_alone_gives_back_the_plain_bytes(int plainSize)
    {
        byte[] plain = PublishingSamples.Image(plainSize);
        EncryptedArtifact artifact = Write(plain);

        Assert.Equal(plain, ArtifactChainWalker.Decrypt(artifact.Bytes, plainSize, Key, artifact.Iv));
    }

    [Theory]
    [MemberData(nameof(PlainSizes))]
    public void Each_link_is_the_record_digest_of_the_next_record_and_the_last_is_zero(int plainSize)
    {
        EncryptedArtifact artifact = Write(PublishingSamples.Image(plainSize));
        var records = ArtifactChainWalker.Records(plainSize);

        for (int i = 0; i < records.Count - 1; i++)
        {
            Assert.Equal(ArtifactChainWalker.RecordDigest(artifact.Bytes, records[i + 1]), ArtifactChainWalker.Link(artifact.Bytes, records[i]));
        }
        Assert.Equal(new byte[32], ArtifactChainWalker.Link(artifact.Bytes, records[^1]));
    }

    [Theory]
    [MemberData(nameof(PlainSizes))]
    public void Head_is_the_record_digest_of_record_zero_and_sha256_names_the_bytes(int plainSize)
    {
        EncryptedArtifact artifact = Write(PublishingSamples.Image(plainSize));

        Assert.Equal(ArtifactChainWalker.RecordDigest(artifact.Bytes, ArtifactChainWalker.Records(plainSize)[0]), artifact.Head);
        Assert.Equal(SHA256.HashData(artifact.Bytes), artifact.Sha256);
        Assert.Equal("blobs/" + Convert.ToHexStringLower(artifact.Sha256), artifact.Path);
    }

    [Fact]
    public void Same_inputs_give_the_same_artifact_bytes()
    {
        byte[] plain = PublishingSamples.Image(10000);

        EncryptedArtifact first = Write(plain);
        EncryptedArtifact second = new ChainedArtifactWriter().Write(plain, Key, ContentKeyDerivation.ArtifactIv(Key, plain));

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(first.Head, second.Head);
    }

    [Fact]
    public void Another_release_version_gives_another_key_and_other_artifact_bytes()
    {
        byte[] plain = PublishingSamples.Image(10000);
        byte[] otherKey = ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.0.1");

        EncryptedArtifact other = _writer.Write(plain, otherKey, ContentKeyDerivation.ArtifactIv(otherKey, plain));

        Assert.NotEqual(Key, otherKey);
        Assert.NotEqual(Write(plain).Sha256, other.Sha256);
    }

    [Fact]
    public void Changing_one_plain_byte_in_the_last_chunk_changes_the_head()
    {
        byte[] plain = PublishingSamples.Image(9000);
        byte[] changed = (byte[])plain.Clone();
        changed[^1] ^= 1;
        byte[] iv = ContentKeyDerivation.ArtifactIv(Key, plain);

        Assert.NotEqual(_writer.Write(plain, Key, iv).Head, _writer.Write(changed, Key, iv).Head);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(300000)]
    public void Image_digest_is_the_hmac_fold_over_4096_byte_chunks(int size)
    {
        byte[] image = PublishingSamples.Image(size);

        ImageDigests digests = _writer.ComputeImageDigests(image);

        byte[] h = new byte[32];
        byte[] imageKey = Encoding.UTF8.GetBytes("SecureOta/v1/image");
        for (int at = 0; at < size; at += 4096)
        {
            h = HMACSHA256.HashData(imageKey, (byte[])[.. h, .. image.AsSpan(at, Math.Min(4096, size - at))]);
        }
        Assert.Equal(h, digests.ImageDigest);
        Assert.Equal(SHA256.HashData(image), digests.ImageSha256);
        Assert.Equal(size, digests.ImageSize);
    }

    [Fact]
    public void Rejects_empty_plain_bytes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _writer.Write([], Key, new byte[16]));
    }

    [Fact]
    public void Rejects_a_content_key_that_is_not_16_bytes()
    {
        Assert.Throws<ArgumentException>(() => _writer.Write([1, 2, 3], new byte[32], new byte[16]));
    }

    private EncryptedArtifact Write(byte[] plain) => _writer.Write(plain, Key, ContentKeyDerivation.ArtifactIv(Key, plain));
}
