using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.Tasks;

[TaskName("NewKey")]
[TaskDescription("Creates one private key file (--out=<file outside the repo>, --kind=ed25519|x25519|secret) and <file>.pub with its public key, for rotations and recipients; --kind=secret makes a content-key secret (no .pub).")]
public sealed class NewKeyTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var path = CeremonyArguments.PrivateOutput(context, "out");
        var kind = (context.GetArgument("kind") ?? "ed25519").ToLowerInvariant();
        if (kind is not ("ed25519" or "x25519" or "secret"))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--kind={kind} is not a key kind.",
                "Use --kind=ed25519 for a signing key (root, approval or release), --kind=x25519 for a recipient (device, group, fleet) " +
                "or --kind=secret for a content-key secret.");
        }

        var secret = new byte[KeyFile.KeySize];
        RandomNumberGenerator.Fill(secret);
        try
        {
            if (kind == "secret")
            {
                var id = ContentSecretSchedule.IdOf(secret);
                KeyFile.Write(path, secret, ["SecureOta content-key secret: base64. Keep secret.", $"content-secret id {id}"]);
                context.Log.Information("Wrote a content-key secret (id {0}) to {1}.", id, path);
                return;
            }

            byte[] publicKey;
            string label;
            if (kind == "ed25519")
            {
                using var pair = Ed25519KeyPair.FromSeed(secret);
                publicKey = pair.PublicKey;
                label = $"key id {KeyId.Of(publicKey)}";
            }
            else
            {
                using var pair = X25519KeyPair.FromPrivateKey(secret);
                publicKey = pair.PublicKey;
                label = $"recipient id {Convert.ToHexStringLower(SHA256.HashData(publicKey))}";
            }

            KeyFile.Write(path, secret, [$"SecureOta {kind} private key: base64. Keep secret.", label]);
            File.WriteAllText(path + ".pub", $"# SecureOta {kind} public key, {label}\n{Convert.ToHexStringLower(publicKey)}\n");
            context.Log.Information("Wrote the {0} private key to {1} and its public key to {1}.pub ({2}).", kind, path, label);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
