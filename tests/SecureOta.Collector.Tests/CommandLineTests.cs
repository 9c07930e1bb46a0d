using System.Security.Cryptography;
using SecureOta.Collector.Hosting;

namespace SecureOta.Collector.Tests;

/// <summary>The collector's one command: options, secrets from files or the environment, clear refusals.</summary>
public sealed class CommandLineTests
{
    private static readonly string KeyLine = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Reads_options_and_the_key_file()
    {
        string keyFile = Path.Combine(Directory.CreateTempSubdirectory("secureota-cli-").FullName, "collector.key");
        File.WriteAllText(keyFile, "# SecureOta x25519 private key: base64. Keep secret.\n" + KeyLine + "\n");
        var env = new Dictionary<string, string> { ["SECUREOTA_COLLECTOR_TOKEN"] = "t0ken" };

        var (options, print) = CommandLine.Parse(
            ["--recipients", "r.json", "--key-file=" + keyFile, "--database", "postgres:Host=db", "--device-rate", "5", "--behind-proxy"], env.GetValueOrDefault);

        Assert.False(print);
        Assert.Equal("r.json", options.RecipientsPath);
        Assert.Equal(Convert.FromBase64String(KeyLine), options.PrivateKey);
        Assert.Equal("postgres:Host=db", options.Database);
        Assert.Equal(5, options.DeviceReportsPerMinute);
        Assert.Equal(600, options.AddressRequestsPerMinute);
        Assert.True(options.BehindProxy);
        Assert.Equal("t0ken", options.SummaryToken);
    }

    [Fact]
    public void Takes_the_key_and_database_from_the_environment()
    {
        var env = new Dictionary<string, string> { ["SECUREOTA_COLLECTOR_KEY"] = KeyLine, ["SECUREOTA_COLLECTOR_DATABASE"] = "sqlite:/data/c.db" };
        var (options, _) = CommandLine.Parse([], env.GetValueOrDefault);
        Assert.Equal(Convert.FromBase64String(KeyLine), options.PrivateKey);
        Assert.Equal("sqlite:/data/c.db", options.Database);
        Assert.Equal(Path.Combine("keys", "recipients.json"), options.RecipientsPath);
        Assert.Null(options.SummaryToken);
    }

    [Fact]
    public void Refuses_a_bad_command_line_with_what_to_do()
    {
        var env = new Dictionary<string, string> { ["SECUREOTA_COLLECTOR_KEY"] = KeyLine };
        Assert.Contains("Unknown option '--colour'", Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--colour"], env.GetValueOrDefault)).Message);
        Assert.Contains("--device-rate must be a whole number", Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--device-rate", "-1"], env.GetValueOrDefault)).Message);
        Assert.Contains("NewKey --kind=x25519", Assert.Throws<CommandLineException>(() => CommandLine.Parse([], _ => null)).Message);
        // A public key (hex, 64 characters) where the private key belongs: named, never echoed.
        var wrong = new Dictionary<string, string> { ["SECUREOTA_COLLECTOR_KEY"] = new string('a', 64) };
        var refusal = Assert.Throws<CollectorConfigurationException>(() => CommandLine.Parse([], wrong.GetValueOrDefault));
        Assert.Contains("SECUREOTA_COLLECTOR_KEY", refusal.Message);
        Assert.DoesNotContain(new string('a', 64), refusal.Message);
    }
}
