using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Keys;

/// <summary>Malformed key files and recipient registries give one clear error and never echo a secret.</summary>
public sealed class KeyInputTests
{
    [Fact]
    public void Key_file_with_two_key_lines_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("two.key");
        File.WriteAllText(path, "# comment\n" + Convert.ToBase64String(new byte[32]) + "\n" + Convert.ToBase64String(new byte[32]) + "\n");

        var error = Assert.Throws<BuildException>(() => KeyFile.Read(path, "release key"));

        Assert.Equal(BuildErrorCode.InvalidKey, error.Code);
        Assert.Contains("holds 2 key lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Libsodium_64_byte_secret_key_is_refused_with_a_hint()
    {
        var secret = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());

        var error = Assert.Throws<BuildException>(() => KeyFile.Decode(secret, "SECUREOTA_RELEASE_KEY"));

        Assert.Contains("is 64 bytes; it must be 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a 64-byte libsodium secret key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_that_is_not_base64_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<BuildException>(() => KeyFile.Decode("not*base64*secret", "SECUREOTA_RELEASE_KEY"));

        Assert.Contains("not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64*secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_file_is_never_overwritten()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("k.key");
        KeyFile.Write(path, new byte[32], ["first"]);

        Assert.Throws<BuildException>(() => KeyFile.Write(path, Enumerable.Repeat((byte)7, 32).ToArray(), ["second"]));
        Assert.Equal(new byte[32], KeyFile.Read(path, "key"));
    }

    [Fact]
    public void Recipient_registry_reports_every_problem_at_once()
    {
        using var temp = new TempDirectory();
        var key = new string('a', 64);
        File.WriteAllText(temp.Combine(RecipientRegistry.FileName), $$"""
            {"recipients": [
              {"name": "door-1", "kind": "device", "publicKey": "{{key}}"},
              {"name": "door-1", "kind": "device", "publicKey": "{{new string('b', 64)}}"},
              {"name": "door-2", "kind": "toaster", "publicKey": "{{key}}"},
              {"name": "door-3", "kind": "group", "publicKey": "ABC"}
            ]}
            """);

        var error = Assert.Throws<BuildException>(() => RecipientRegistry.Load(temp.Path, "keys/recipients.json"));

        Assert.Equal(BuildErrorCode.InvalidRecipients, error.Code);
        Assert.Contains(error.Details, d => d.Message.Contains("'door-1' is registered 2 times", StringComparison.Ordinal));
        Assert.Contains(error.Details, d => d.Message.Contains("kind 'toaster'", StringComparison.Ordinal));
        Assert.Contains(error.Details, d => d.Message.Contains("recipients[3]: publicKey must be 64 lowercase hex", StringComparison.Ordinal));
    }
}
