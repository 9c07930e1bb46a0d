using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// A recipient key is X25519; NewKey's .pub files say their kind in their first line, and AddDevice and
/// AddGroup refuse a signing key's .pub, which would otherwise register as 64 valid-looking hex digits.
/// </summary>
public sealed class RecipientKeyKindTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    [Theory]
    [InlineData("AddDevice")]
    [InlineData("AddGroup")]
    public void A_release_keys_pub_file_is_refused_as_a_recipient_key(string target)
    {
        var keyFile = Path.Combine(_workspace.Offline, "release.key");
        _workspace.Run("--target=NewKey", "--kind=ed25519", $"--out={keyFile}").AssertSucceeded();
        var before = File.Exists(_workspace.RecipientsFile) ? File.ReadAllText(_workspace.RecipientsFile) : null;

        var run = _workspace.Run($"--target={target}", "--name=door-1", $"--key={keyFile}.pub");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Contains($"--key={keyFile}.pub is an Ed25519 public key (a root or release signing key, says its first line); a recipient key is X25519.",
            run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("--target=NewKey --kind=x25519", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, File.Exists(_workspace.RecipientsFile) ? File.ReadAllText(_workspace.RecipientsFile) : null);
    }

    [Theory]
    [InlineData("ed25519", "ed25519")]
    [InlineData("x25519", "x25519")]
    public void NewKeys_pub_files_declare_their_kind(string kind, string declared)
    {
        var keyFile = Path.Combine(_workspace.Offline, kind + ".key");
        _workspace.Run("--target=NewKey", $"--kind={kind}", $"--out={keyFile}").AssertSucceeded();

        Assert.Equal(declared, PublicKeyFileKind.Declared(keyFile + ".pub"));
    }

    [Fact]
    public void A_pub_file_without_a_header_declares_no_kind()
    {
        var file = Path.Combine(_workspace.Offline, "typed.pub");
        Directory.CreateDirectory(_workspace.Offline);
        File.WriteAllText(file, new string('a', 64) + "\n");

        Assert.Null(PublicKeyFileKind.Declared(file));
    }

    public void Dispose() => _workspace.Dispose();
}
