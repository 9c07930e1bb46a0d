using System.Security.Cryptography;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Writes the encrypted, hash-chained artifact of docs/PROTOCOL.md section 7 and the image digests of
/// section 2.1. Record sizes and offsets come from the device core's <see cref="ArtifactLayout"/> and the
/// digests from its <see cref="DigestKeys"/> and <see cref="ImageDigestBuilder"/>, so the build cannot
/// drift from what devices check. Deterministic: the same plain bytes, key and iv give the same bytes.
/// </summary>
public sealed class ChainedArtifactWriter
{
    private const int BlockSize = 16;

    private readonly IHmacSha256 _hmac;

    /// <summary>A writer over .NET's HMAC-SHA256.</summary>
    public ChainedArtifactWriter()
        : this(new DotNetHmacSha256())
    {
    }

    public ChainedArtifactWriter(IHmacSha256 hmac)
    {
        ArgumentNullException.ThrowIfNull(hmac);
        _hmac = hmac;
    }

    /// <summary>
    /// Encrypts <paramref name="plain"/> (1 byte to 16 MiB) under the 16-byte content key with the 16-byte
    /// iv of record 0 and chains the records from the last one backwards.
    /// </summary>
    public EncryptedArtifact Write(byte[] plain, byte[] contentKey, byte[] iv)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ByteArguments.RequireLength(contentKey, ContentKeyDerivation.ContentKeySize, nameof(contentKey));
        ByteArguments.RequireLength(iv, ContentKeyDerivation.IvSize, nameof(iv));
        if (plain.Length < 1 || plain.Length > ArtifactLayout.MaxPlainSize)
            throw new ArgumentOutOfRangeException(nameof(plain), $"plain bytes must be 1..{ArtifactLayout.MaxPlainSize} long, got {plain.Length}");

        byte[] cipher = EncryptAsOneCbcStream(plain, contentKey, iv);
        byte[] artifact = LayOutRecords(cipher, plain.Length);
        byte[] head = ChainRecordsBackwards(artifact, plain.Length);
        return new EncryptedArtifact(artifact, head, SHA256.HashData(artifact), (byte[])iv.Clone(), plain.Length);
    }

    /// <summary>imageSize, imageDigest (section 2.1) and SHA-256 of a plain image of 1 byte to 16 MiB.</summary>
    public ImageDigests ComputeImageDigests(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int count = ArtifactLayout.RecordCount(image.Length);

        var builder = new ImageDigestBuilder(_hmac);
        builder.Reset();
        for (int i = 0; i < count; i++)
        {
            builder.AddChunk(image, i * ArtifactLayout.ChunkSize, ArtifactLayout.PlainLength(image.Length, i));
        }
        byte[] digest = new byte[DigestKeys.DigestSize];
        builder.CopyDigest(digest, 0);
        return new ImageDigests(image.Length, digest, SHA256.HashData(image));
    }

    /// <summary>
    /// Chunk i of section 7 is encrypted with the last cipher block of chunk i-1 as its IV, and only the
    /// last chunk is zero-padded, so the whole padded image is exactly one CBC stream under <paramref name="iv"/>.
    /// </summary>
    private static byte[] EncryptAsOneCbcStream(byte[] plain, byte[] contentKey, byte[] iv)
    {
        int paddedLength = (plain.Length + BlockSize - 1) / BlockSize * BlockSize;
        byte[] padded = new byte[paddedLength];
        Buffer.BlockCopy(plain, 0, padded, 0, plain.Length);

        using Aes aes = Aes.Create();
        aes.Key = contentKey;
        byte[] cipher = aes.EncryptCbc(padded, iv, PaddingMode.None);
        CryptographicOperations.ZeroMemory(padded);
        return cipher;
    }

    /// <summary>Places cipher chunk i at record offset 4128·i; the links are filled in afterwards.</summary>
    private static byte[] LayOutRecords(byte[] cipher, int plainSize)
    {
        byte[] artifact = new byte[ArtifactLayout.ArtifactSize(plainSize)];
        int count = ArtifactLayout.RecordCount(plainSize);
        for (int i = 0; i < count; i++)
        {
            Buffer.BlockCopy(cipher, i * ArtifactLayout.ChunkSize, artifact, ArtifactLayout.RecordOffset(plainSize, i),
                ArtifactLayout.CipherLength(plainSize, i));
        }
        return artifact;
    }

    /// <summary>
    /// Fills each record's link with the digest of the record after it, from the last record backwards
    /// (the last link stays 32 zero bytes), and returns the digest of record 0: the head.
    /// </summary>
    private byte[] ChainRecordsBackwards(byte[] artifact, int plainSize)
    {
        byte[] digest = new byte[DigestKeys.DigestSize];
        for (int i = ArtifactLayout.RecordCount(plainSize) - 1; i >= 0; i--)
        {
            _hmac.Compute(DigestKeys.Record, artifact, ArtifactLayout.RecordOffset(plainSize, i),
                ArtifactLayout.RecordLength(plainSize, i), digest, 0);
            if (i > 0)
            {
                int previousLink = ArtifactLayout.RecordOffset(plainSize, i - 1) + ArtifactLayout.CipherLength(plainSize, i - 1);
                Buffer.BlockCopy(digest, 0, artifact, previousLink, DigestKeys.DigestSize);
            }
        }
        return digest;
    }
}
