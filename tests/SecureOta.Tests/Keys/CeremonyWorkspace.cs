using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Keys;

/// <summary>
/// A temporary keys/ folder (with the tests' pinned CAs) and releases (the tests' samples) and an "offline" folder for private
/// keys, plus a way to run build targets against them with the real host.
/// </summary>
internal sealed class CeremonyWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CeremonyWorkspace()
    {
        SecureOta.Tests.Support.TestAnchors.CopyInto(KeysDir);
        SecureOta.Tests.Support.TestReleases.Write(ReleasesDir);
    }

    /// <summary>The workspace's own sample releases (approved by InitRoot's first approval key).</summary>
    public string ReleasesDir => _temp.Combine("releases");

    /// <summary>The content-key secret InitRoot wrote, as the argument a real-keys build needs.</summary>
    public string ContentSecretArgument => $"--content-secret={Path.Combine(Offline, "content-secret.key")}";

    public string KeysDir => _temp.Combine("keys");

    public string RootDir => Path.Combine(KeysDir, "root");

    public string Offline => _temp.Combine("offline");

    public string Temp => _temp.Path;

    public (int ExitCode, TestConsoles Consoles) Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var consoles = new TestConsoles();
        var exitCode = new SecureOta.Build.Frosting.BuildHost<SecureOta.Build.Context.BuildContext>(host => new SecureOta.Build.Context.BuildContext(host))
            .UseConsole(consoles.Output, consoles.Error)
            .UseEnvironment(TestEnvironments.Create(_temp.Path, environment))
            .Run([$"--root={RepositoryRoot.FullPath}", $"--keys-dir={KeysDir}", $"--releases-dir={ReleasesDir}", $"--demo-keys-dir={_temp.Combine("demo")}",
                  $"--site-dir={_temp.Combine("site")}", "--now=2026-11-21T00:00:00Z", .. args]);
        return (exitCode, consoles);
    }

    public (int ExitCode, TestConsoles Consoles) Run(params string[] args) => Run(null, args);

    /// <summary>Runs InitRoot with 3 root keys (threshold 2) and 1 release key; returns the key files.</summary>
    public (string[] RootKeys, string ReleaseKey) InitRoot()
    {
        var (exit, consoles) = Run("--target=InitRoot", $"--out={Offline}", "--root-keys=3", "--root-threshold=2");
        Assert.True(exit == 0, consoles.AllText);
        Pipeline.TestApprovals.ApproveAll(ReleasesDir, KeysDir, Directory.GetFiles(Offline, "approval-*.key").Order().First());
        return (Directory.GetFiles(Offline, "root-*.key").Order().ToArray(), Directory.GetFiles(Offline, "release-*.key").Single());
    }

    /// <summary>The approval key files InitRoot wrote, in name order.</summary>
    public string[] ApprovalKeys => Directory.GetFiles(Offline, "approval-*.key").Order().ToArray();

    /// <summary>The base64 line of a key file, as SECUREOTA_RELEASE_KEY would hold it.</summary>
    public static string KeyText(string keyFile) => File.ReadAllLines(keyFile).Single(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>Registers one recipient (a fresh X25519 key) in keys/recipients.json.</summary>
    public void RegisterRecipient()
    {
        var (exit, consoles) = Run("--target=NewKey", "--kind=x25519", $"--out={_temp.Combine("device.key")}");
        Assert.True(exit == 0, consoles.AllText);
        var publicKey = File.ReadAllLines(_temp.Combine("device.key.pub")).Single(l => !l.StartsWith('#'));
        File.WriteAllText(Path.Combine(KeysDir, "recipients.json"),
            $"{{\"recipients\": [{{\"name\": \"bench-device\", \"kind\": \"device\", \"publicKey\": \"{publicKey}\"}}]}}");
    }

    public void Dispose() => _temp.Dispose();
}
