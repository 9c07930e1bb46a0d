using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Tests.Device.Support;

/// <summary>
/// A test-side writer of the encrypted, hash-chained artifact of docs/PROTOCOL.md section 7 and the
/// image digest of section 2.1, written from the spec with .NET's AES and HMAC so the device reader
/// is checked against an independent implementation.
/// </summary>
public sealed class TestArtifact
{
    private static readonly byte[] RecordKey = Encoding.UTF8.GetBytes("SecureOta/v1/record");
    private static readonly byte[] ImageKey = Encoding.UTF8.GetBytes("SecureOta/v1/image");
    private static readonly byte[] KeyCheckLabel = Encoding.UTF8.GetBytes("SecureOta/v1/key-check");

    public required byte[] Plain { get; init; }
    public required byte[] ContentKey { get; init; }
    public required byte[] Iv { get; init; }
    public required byte[] Bytes { get; init; }
    public required byte[] Head { get; init; }
    public required byte[] ImageDigest { get; init; }

    public byte[] Sha256 => SHA256.HashData(Bytes);
    public byte[] KeyCheck => HMACSHA256.HashData(ContentKey, KeyCheckLabel)[..16];

    /// <summary>Random plain bytes of the given length under a random key and IV.</summary>
    public static TestArtifact Random(int plainSize, int seed)
    {
        var random = new Random(seed);
        byte[] plain = new byte[plainSize];
        byte[] key = new byte[16];
        byte[] iv = new byte[16];
        random.NextBytes(plain);
        random.NextBytes(key);
        random.NextBytes(iv);
        return Encrypt(plain, key, iv);
    }

    /// <param name="lastLink">The link of the last record; the protocol says 32 zero bytes, tests may forge another.</param>
    public static TestArtifact Encrypt(byte[] plain, byte[] key, byte[] iv, byte[]? lastLink = null)
    {
        int count = (plain.Length + 4095) / 4096;
        int padded = (plain.Length + 15) / 16 * 16;
        byte[] paddedPlain = new byte[padded];
        plain.CopyTo(paddedPlain, 0);
        using var aes = Aes.Create();
        aes.Key = key;
        // One CBC stream over all chunks: chunk i's IV is the last cipher block of chunk i-1.
        byte[] cipher = aes.EncryptCbc(paddedPlain, iv, PaddingMode.None);

        var records = new byte[count][];
        byte[] next = lastLink ?? new byte[32];
        for (int i = count - 1; i >= 0; i--)
        {
            int start = i * 4096;
            int length = Math.Min(4096, cipher.Length - start);
            records[i] = [.. cipher.AsSpan(start, length), .. next];
            next = HMACSHA256.HashData(RecordKey, records[i]);
        }

        return new TestArtifact
        {
            Plain = plain,
            ContentKey = key,
            Iv = iv,
            Bytes = records.SelectMany(r => r).ToArray(),
            Head = next,
            ImageDigest = ImageDigestOf(plain),
        };
    }

    public static byte[] ImageDigestOf(byte[] plain)
    {
        byte[] h = new byte[32];
        for (int at = 0; at < plain.Length; at += 4096)
            h = HMACSHA256.HashData(ImageKey, (byte[])[.. h, .. plain.AsSpan(at, Math.Min(4096, plain.Length - at))]);
        return h;
    }

    /// <summary>Expected artifact size for a plain size, from section 7 step 4.</summary>
    public static int SizeFor(int plainSize)
    {
        int n = (plainSize + 4095) / 4096;
        int r = plainSize - 4096 * (n - 1);
        return 4128 * (n - 1) + 16 * ((r + 15) / 16) + 32;
    }
}
