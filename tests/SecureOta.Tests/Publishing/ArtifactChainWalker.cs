using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Tests.Publishing;

/// <summary>
/// Reads a section 7 artifact with .NET only (no device core), as an independent check of the writer:
/// record boundaries from the spec's arithmetic, record digests with HMACSHA256, decryption with Aes.
/// </summary>
internal static class ArtifactChainWalker
{
    public const int ChunkSize = 4096;
    public const int RecordSize = 4128;
    private static readonly byte[] RecordKey = Encoding.UTF8.GetBytes("SecureOta/v1/record");

    /// <summary>(offset, cipher length) of every record for a plain length.</summary>
    public static List<(int Offset, int CipherLength)> Records(int plainSize)
    {
        int count = (plainSize + ChunkSize - 1) / ChunkSize;
        var records = new List<(int, int)>();
        for (int i = 0; i < count; i++)
        {
            int plain = i < count - 1 ? ChunkSize : plainSize - ChunkSize * (count - 1);
            records.Add((RecordSize * i, (plain + 15) / 16 * 16));
        }
        return records;
    }

    /// <summary>HMAC(K_RECORD, record i).</summary>
    public static byte[] RecordDigest(byte[] artifact, (int Offset, int CipherLength) record) =>
        HMACSHA256.HashData(RecordKey, artifact.AsSpan(record.Offset, record.CipherLength + 32));

    /// <summary>The link N_i stored at the end of record i.</summary>
    public static byte[] Link(byte[] artifact, (int Offset, int CipherLength) record) =>
        artifact.AsSpan(record.Offset + record.CipherLength, 32).ToArray();

    /// <summary>Decrypts each record alone, with the previous record's last cipher block as its IV.</summary>
    public static byte[] Decrypt(byte[] artifact, int plainSize, byte[] key, byte[] iv)
    {
        using Aes aes = Aes.Create();
        aes.Key = key;
        var plain = new List<byte>();
        byte[] chainIv = iv;
        foreach ((int offset, int cipherLength) in Records(plainSize))
        {
            byte[] cipher = artifact.AsSpan(offset, cipherLength).ToArray();
            plain.AddRange(aes.DecryptCbc(cipher, chainIv, PaddingMode.None));
            chainIv = cipher[^16..];
        }
        Assert.All(plain.Skip(plainSize), b => Assert.Equal(0, b));
        return plain.Take(plainSize).ToArray();
    }
}
