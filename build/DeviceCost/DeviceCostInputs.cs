using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Delta;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// Prepares, outside the measured context, everything the scenarios consume: signatures, keys,
/// encrypted artifacts and the delta patch, made with the build's own release code. All of it is
/// deterministic (fixed seeds), so every run measures the same work.
/// </summary>
public static class DeviceCostInputs
{
    public const string Ed25519PublicKey = "ed25519.publicKey";
    public const string Ed25519Signature = "ed25519.signature";
    public const string Ed25519Message = "ed25519.message";

    /// <summary>Root v1 whose release key is the Ed25519 steps' key, with its split points (PROTOCOL.md section 5).</summary>
    public const string Ed25519SplitRoot = "ed25519.splitRoot";
    public const string X25519Scalar = "x25519.scalar";
    public const string X25519Point = "x25519.point";
    public const string RecordArtifact = "record";
    public const string UnwrapFile = "unwrap.file";
    public const string UnwrapRecipientPrivateKey = "unwrap.recipientPrivateKey";
    public const string UnwrapKeyCheck = "unwrap.keyCheck";
    public const string FullArtifact = "full";
    public const string PatchArtifact = "patch";
    public const string Patch = "delta.patch";
    public const string OldImage = "delta.oldImage";
    public const string NewImage = "delta.newImage";
    public const string NewImageDigest = "delta.newImageDigest";
    public const string PairName = "pair.name";

    /// <summary>The message length of the Ed25519 step (a channel manifest is about this size).</summary>
    public const int MessageLength = 1024;

    /// <summary>Records of the artifact the per-record step averages over.</summary>
    public const int RecordStepRecords = 16;

    /// <summary>Builds the inputs for an old and new image (named <paramref name="pairName"/>).</summary>
    public static Dictionary<string, byte[]> Create(string pairName, byte[] oldImage, byte[] newImage)
    {
        ArgumentNullException.ThrowIfNull(oldImage);
        ArgumentNullException.ThrowIfNull(newImage);
        var inputs = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        byte[] message = Deterministic("message", MessageLength);
        using (var signer = Ed25519KeyPair.FromSeed(Deterministic("ed25519 seed", 32)))
        {
            inputs[Ed25519PublicKey] = signer.PublicKey;
            inputs[Ed25519Signature] = signer.Sign(message);
            inputs[Ed25519SplitRoot] = DeviceCostPollSite.RootWithReleaseKey(signer);
        }
        inputs[Ed25519Message] = message;

        inputs[X25519Scalar] = Deterministic("x25519 scalar", 32);
        inputs[X25519Point] = PublicKey(Deterministic("x25519 peer", 32));

        var hmac = new HostHmacSha256();
        var writer = new ChainedArtifactWriter(hmac);
        byte[] contentKey = Deterministic("content key", 16);
        Encrypt(writer, Deterministic("record plain", RecordStepRecords * Device.Core.Artifacts.ArtifactLayout.ChunkSize), contentKey, "record iv")
            .Write(inputs, RecordArtifact);

        byte[] recipientPrivate = Deterministic("recipient", 32);
        inputs[UnwrapRecipientPrivateKey] = recipientPrivate;
        inputs[UnwrapFile] = WrappedKeyWriter.Write(contentKey, PublicKey(recipientPrivate), Deterministic("ephemeral", 32)).Bytes;
        inputs[UnwrapKeyCheck] = WrappedKeyWriter.KeyCheck(contentKey);

        byte[] patch = DeltaDiff.Create(oldImage, newImage);
        var full = Encrypt(writer, newImage, contentKey, "full iv");
        full.Write(inputs, FullArtifact);
        Encrypt(writer, patch, contentKey, "patch iv").Write(inputs, PatchArtifact);
        inputs[Patch] = patch;
        inputs[OldImage] = oldImage;
        inputs[NewImage] = newImage;
        inputs[NewImageDigest] = full.ImageDigest;
        inputs[PairName] = Encoding.UTF8.GetBytes(pairName);
        DeviceCostPollSite.Add(inputs, oldImage, newImage, patch);
        return inputs;
    }

    /// <summary>Prefix of the inputs of the other pairs whose patch application alone is measured: {prefix}{n}.old, .new, .patch, .name.</summary>
    public const string ExtraPairPrefix = "delta.extra";

    /// <summary>Adds another pair whose patch application alone the delta step measures.</summary>
    public static void AddPatchPair(Dictionary<string, byte[]> inputs, string pairName, byte[] oldImage, byte[] newImage)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int index = 0;
        while (inputs.ContainsKey($"{ExtraPairPrefix}{index}.name")) index++;
        string prefix = $"{ExtraPairPrefix}{index}";
        inputs[prefix + ".old"] = oldImage;
        inputs[prefix + ".new"] = newImage;
        inputs[prefix + ".patch"] = DeltaDiff.Create(oldImage, newImage);
        inputs[prefix + ".name"] = Encoding.UTF8.GetBytes(pairName);
    }

    /// <summary>
    /// A stand-in pair when the shared firmware pairs are absent: a 256 KiB pseudo-random image and a
    /// copy with a few hundred scattered edits and an inserted block, roughly what a small release does.
    /// </summary>
    public static (byte[] Old, byte[] New) SyntheticPair()
    {
        byte[] old = Deterministic("synthetic old", 256 * 1024);
        var edited = new List<byte>(old);
        var random = new Random(12345);
        for (int i = 0; i < 300; i++) edited[random.Next(edited.Count)] = (byte)random.Next(256);
        edited.InsertRange(100_000, Deterministic("synthetic insert", 2000));
        return (old, edited.ToArray());
    }

    private static ArtifactInput Encrypt(ChainedArtifactWriter writer, byte[] plain, byte[] contentKey, string ivLabel)
    {
        var artifact = writer.Write(plain, contentKey, Deterministic(ivLabel, 16));
        var digests = writer.ComputeImageDigests(plain);
        return new ArtifactInput(artifact.Bytes, artifact.Head, artifact.Iv, contentKey, plain.Length, digests.ImageDigest);
    }

    private static byte[] PublicKey(byte[] privateKey)
    {
        byte[] publicKey = new byte[X25519.Size];
        X25519.ScalarMultBase(publicKey, privateKey);
        return publicKey;
    }

    // Bytes expanded from a label with SHA-256 in counter mode: fixed, unrelated streams per label.
    private static byte[] Deterministic(string label, int length)
    {
        byte[] output = new byte[length];
        byte[] seed = Encoding.UTF8.GetBytes("SecureOta DeviceCost " + label);
        byte[] block = new byte[seed.Length + 4];
        seed.CopyTo(block, 0);
        for (int offset = 0, counter = 0; offset < length; offset += 32, counter++)
        {
            BitConverter.TryWriteBytes(block.AsSpan(seed.Length), counter);
            byte[] hash = SHA256.HashData(block);
            Array.Copy(hash, 0, output, offset, Math.Min(32, length - offset));
        }
        return output;
    }
}
