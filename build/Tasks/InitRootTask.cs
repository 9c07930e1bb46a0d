using System.Globalization;
using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.Tasks;

[TaskName("InitRoot")]
[TaskDescription("Offline, once: creates root, approval and release keys and the content-key secret (--out=<dir outside the repo>, --product=<id>, --root-keys, --root-threshold, --approval-keys, --approval-threshold, --release-keys, --release-threshold, --expires-days, optional report collector: --collector-url, --collector-key, --collector-anchors) and signs root version 1 into keys/root/1.json.")]
public sealed class InitRootTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var rootDir = Path.Combine(context.Paths.KeysDir, "root");
        var target = Path.Combine(rootDir, "1.json");
        if (Directory.Exists(rootDir) && Directory.EnumerateFiles(rootDir, "*.json").Any())
        {
            throw new BuildException(BuildErrorCode.InvalidRoot, $"{context.Paths.Display(rootDir)} already holds root metadata.",
                "A root is created once; rotate keys with ./build.sh --target=SignRoot instead.");
        }

        var outDir = CeremonyArguments.PrivateOutput(context, "out");
        int rootCount = CeremonyArguments.Integer(context, "root-keys", 3, 1, 16);
        int rootThreshold = CeremonyArguments.Integer(context, "root-threshold", Math.Min(2, rootCount), 1, rootCount);
        var product = Product(context);
        int approvalCount = CeremonyArguments.Integer(context, "approval-keys", 2, 1, 16);
        int approvalThreshold = CeremonyArguments.Integer(context, "approval-threshold", 1, 1, approvalCount);
        int releaseCount = CeremonyArguments.Integer(context, "release-keys", 1, 1, 16);
        int releaseThreshold = CeremonyArguments.Integer(context, "release-threshold", 1, 1, releaseCount);
        int days = CeremonyArguments.Integer(context, "expires-days", 365, 1, 3650);
        var anchors = TlsAnchorSet.Load(context.GetArgument("tls-anchors") is { } dir
            ? Path.GetFullPath(dir, context.Environment.WorkingDirectory)
            : Path.Combine(context.Paths.KeysDir, TlsAnchorSet.FolderName), context.Paths.Display);

        var rootSeeds = NewSeeds(rootCount);
        var approvalSeeds = NewSeeds(approvalCount);
        var releaseSeeds = NewSeeds(releaseCount);
        var contentSecret = NewSeeds(1)[0];
        var rootKeys = rootSeeds.Select(Ed25519KeyPair.FromSeed).ToList();
        var approvalKeys = approvalSeeds.Select(Ed25519KeyPair.FromSeed).ToList();
        var releaseKeys = releaseSeeds.Select(Ed25519KeyPair.FromSeed).ToList();
        try
        {
            var draft = new RootDraft(product, rootKeys.Select(k => k.PublicKey), rootThreshold, approvalKeys.Select(k => k.PublicKey), approvalThreshold,
                releaseKeys.Select(k => k.PublicKey), releaseThreshold, anchors);
            var collector = CollectorChange.Apply(context, draft).ToList();
            var payload = RootMetadataWriter.Write(draft.ToMetadata(1, context.Now.AddDays(days).ToUnixTimeSeconds()));
            var envelope = EnvelopeSigner.Sign(PayloadTypes.Root, payload, rootKeys);
            RootHistory.FromEnvelopes([envelope], _ => "the new root version 1"); // as a device will load it

            var written = new List<string>();
            for (int i = 0; i < rootSeeds.Count; i++) written.Add(WriteKey(outDir, "root", rootKeys[i], rootSeeds[i], $"root key {i + 1} of {rootCount} (threshold {rootThreshold})"));
            for (int i = 0; i < approvalSeeds.Count; i++) written.Add(WriteKey(outDir, "approval", approvalKeys[i], approvalSeeds[i], $"approval key {i + 1} of {approvalCount} (threshold {approvalThreshold})"));
            for (int i = 0; i < releaseSeeds.Count; i++) written.Add(WriteKey(outDir, "release", releaseKeys[i], releaseSeeds[i], $"release key {i + 1} of {releaseCount} (threshold {releaseThreshold})"));
            var secretPath = Path.Combine(outDir, "content-secret.key");
            KeyFile.Write(secretPath, contentSecret, ["SecureOta content-key secret (derives every release's content key): base64. Keep secret.",
                $"created {DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture)}"]);
            written.Add(secretPath);
            Directory.CreateDirectory(rootDir);
            using (var stream = new FileStream(target, FileMode.CreateNew)) stream.Write(envelope);

            context.Log.Information("Signed root version 1 of product '{7}' into {0}: root keys {1} of {2}, approval keys {8} of {9}, release keys {3} of {4}, expires {5:u}, {6} pinned CA(s).",
                context.Paths.Display(target), rootThreshold, rootCount, releaseThreshold, releaseCount, context.Now.AddDays(days), anchors.Count,
                product, approvalThreshold, approvalCount);
            foreach (var change in collector) context.Log.Information("  {0}", change);
            foreach (var file in written) context.Log.Information("  private key: {0}", file);
            context.Log.Information("Next: commit keys/root/1.json; store the release key as the SECUREOTA_RELEASE_KEY secret and the content-key " +
                "secret as SECUREOTA_CONTENT_SECRET of both the 'release-signing' (tag releases) and 'release-refresh' (daily refresh) environments " +
                "(each file's base64 line); give each maintainer one approval key (./build.sh --target=Approve signs releases with it); " +
                "move the root keys to offline storage.");
        }
        finally
        {
            foreach (var seed in rootSeeds.Concat(approvalSeeds).Concat(releaseSeeds)) CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(contentSecret);
            foreach (var key in rootKeys.Concat(approvalKeys).Concat(releaseKeys)) key.Dispose();
        }
    }

    /// <summary>--product=&lt;id&gt;, else the repository folder's name made into [a-z0-9-]{1,32}; the root chain keeps it for good.</summary>
    private static string Product(BuildContext context)
    {
        if (context.GetArgument("product") is { } given)
        {
            if (ProtocolNames.IsChannel(given)) return given;
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--product '{given}' is not a product id.",
                "Give 1 to 32 characters of a-z, 0-9 and '-', such as --product=acme-sensor.");
        }
        var name = new string(Path.GetFileName(context.Paths.RootDir).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var product = name.Length == 0 ? "firmware" : name[..Math.Min(32, name.Length)].Trim('-');
        context.Log.Information("Product id '{0}' (from the repository folder's name; --product=<id> chooses another). Devices accept only this product's manifests.", product);
        return product;
    }

    private static List<byte[]> NewSeeds(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var seed = new byte[KeyFile.KeySize];
        RandomNumberGenerator.Fill(seed);
        return seed;
    }).ToList();

    private static string WriteKey(string outDir, string role, Ed25519KeyPair key, byte[] seed, string description)
    {
        var id = KeyId.Of(key.PublicKey);
        var path = Path.Combine(outDir, $"{role}-{id[..16]}.key");
        KeyFile.Write(path, seed, [$"SecureOta Ed25519 {description}: base64 seed. Keep secret.", $"key id {id}",
            $"public key {Convert.ToHexStringLower(key.PublicKey)}", $"created {DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture)}"]);
        return path;
    }
}
