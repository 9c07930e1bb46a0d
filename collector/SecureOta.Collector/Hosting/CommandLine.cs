using System.Globalization;
using SecureOta.Collector.Crypto;

namespace SecureOta.Collector.Hosting;

/// <summary>
/// The collector's command line (options as "--name value" or "--name=value") and environment. Secrets
/// come only from files the operator names or from the environment: SECUREOTA_COLLECTOR_KEY (the
/// base64 private key line) or SECUREOTA_COLLECTOR_KEY_FILE, SECUREOTA_COLLECTOR_TOKEN, and
/// SECUREOTA_COLLECTOR_DATABASE for a PostgreSQL connection string with a password.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        SecureOta collector: receives the devices' signed reports, serves the rollout summary.

        dotnet run --project collector/SecureOta.Collector -- [options]
          --recipients <file>      device keys (default keys/recipients.json; re-read when it changes)
          --key-file <file>        the collector's X25519 private key (NewKey --kind=x25519), or set
                                   SECUREOTA_COLLECTOR_KEY (its base64 line) or SECUREOTA_COLLECTOR_KEY_FILE
          --database <setting>     sqlite:<file> (default sqlite:collector.db) or postgres:<Npgsql connection
                                   string>; or set SECUREOTA_COLLECTOR_DATABASE
          --urls <urls>            where to listen (default http://127.0.0.1:8080)
          --device-rate <n>        reports per device per minute (default 30; 0: no limit)
          --address-rate <n>       requests per client address per minute (default 600; 0: no limit)
          --behind-proxy           client address from X-Forwarded-For of a loopback reverse proxy
          --print-public-key       print the collector's public key (hex, for the root) and exit
        Environment: SECUREOTA_COLLECTOR_TOKEN, the bearer token GET /v1/summary requires.
        Exit codes: 0 stopped normally, 1 cannot start (the message says why), 2 bad command line.
        """;

    /// <summary>The options, or throws <see cref="CommandLineException"/> for a bad command line.</summary>
    public static (CollectorOptions Options, bool PrintPublicKey) Parse(string[] args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] valued = ["--recipients", "--key-file", "--database", "--urls", "--device-rate", "--address-rate"];
        string[] flagNames = ["--behind-proxy", "--print-public-key"];
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? arg[..equals] : arg;
            if (flagNames.Contains(name) && equals < 0)
            {
                flags.Add(name);
                continue;
            }
            if (!valued.Contains(name)) throw new CommandLineException($"Unknown option '{arg}'.");
            string? value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Length ? args[++i] : null;
            if (string.IsNullOrEmpty(value)) throw new CommandLineException($"{name} needs a value.");
            values[name] = value;
        }

        byte[] key = values.TryGetValue("--key-file", out var keyFile) ? PrivateKeyText.ReadFile(keyFile)
            : environment("SECUREOTA_COLLECTOR_KEY") is { Length: > 0 } keyText ? PrivateKeyText.Parse(keyText, "SECUREOTA_COLLECTOR_KEY")
            : environment("SECUREOTA_COLLECTOR_KEY_FILE") is { Length: > 0 } envFile ? PrivateKeyText.ReadFile(envFile)
            : throw new CommandLineException("The collector's private key is missing: give --key-file <file> or set SECUREOTA_COLLECTOR_KEY (make one with ./build.sh --target=NewKey --kind=x25519 --out=<file>).");

        var options = new CollectorOptions
        {
            RecipientsPath = values.GetValueOrDefault("--recipients", Path.Combine("keys", "recipients.json")),
            PrivateKey = key,
            Database = values.GetValueOrDefault("--database") ?? environment("SECUREOTA_COLLECTOR_DATABASE") ?? "sqlite:collector.db",
            SummaryToken = environment("SECUREOTA_COLLECTOR_TOKEN"),
            Urls = values.GetValueOrDefault("--urls", CollectorOptions.DefaultUrls),
            DeviceReportsPerMinute = Rate(values, "--device-rate", 30),
            AddressRequestsPerMinute = Rate(values, "--address-rate", 600),
            BehindProxy = flags.Contains("--behind-proxy"),
        };
        return (options, flags.Contains("--print-public-key"));
    }

    private static int Rate(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int rate)
            ? rate
            : throw new CommandLineException($"{name} must be a whole number of requests per minute (0: no limit), not '{text}'.");
    }
}
