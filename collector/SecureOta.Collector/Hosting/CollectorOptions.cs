namespace SecureOta.Collector.Hosting;

/// <summary>
/// Everything the collector needs to run; built by <see cref="CommandLine"/> from the command line and
/// the environment, or directly by tests and the fleet demo.
/// </summary>
public sealed record CollectorOptions
{
    /// <summary>The recipients file whose device entries may report (normally keys/recipients.json).</summary>
    public required string RecipientsPath { get; init; }

    /// <summary>The collector's 32-byte X25519 private key (its public key is in the signed root).</summary>
    public required byte[] PrivateKey { get; init; }

    /// <summary>Where reports are stored: "sqlite:&lt;file&gt;" or "postgres:&lt;Npgsql connection string&gt;".</summary>
    public string Database { get; init; } = "sqlite:collector.db";

    /// <summary>The bearer token GET /v1/summary requires; null: the summary answers 401 to everyone.</summary>
    public string? SummaryToken { get; init; }

    /// <summary>Kestrel's listen URLs; port 0 picks a free port (tests, the demo, the benchmark).</summary>
    public string Urls { get; init; } = DefaultUrls;

    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Reports a device may send per minute (with the same burst); 0 turns the limit off.</summary>
    public int DeviceReportsPerMinute { get; init; } = 30;

    /// <summary>Requests one client address may make per minute (with the same burst); 0 turns the limit off.</summary>
    public int AddressRequestsPerMinute { get; init; } = 600;

    /// <summary>Takes the client address from X-Forwarded-For set by a reverse proxy on loopback (TLS terminated there).</summary>
    public bool BehindProxy { get; init; }

    /// <summary>How often the recipients file is checked for changes.</summary>
    public TimeSpan RecipientsCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock (reports' received time, the summary's generated time, rate limits use real time).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Minimum log level: Information by default, Warning for the benchmark and the tests.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
