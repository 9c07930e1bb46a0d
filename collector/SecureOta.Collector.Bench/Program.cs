using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SecureOta.Collector.Bench;
using SecureOta.Collector.Crypto;
using SecureOta.Collector.Hosting;

// dotnet run -c Release --project collector/SecureOta.Collector.Bench -- [--devices 1000] [--seconds 10] [--concurrency 32]
// Runs the collector in-process on 127.0.0.1 (a free port) once per backend: SQLite in a temp file, and
// PostgreSQL in a throwaway schema when SECUREOTA_BENCH_POSTGRES or SECUREOTA_TEST_POSTGRES names a server.
// Rate limits are off (every simulated device shares the loopback address). Bounded: it stops by itself.
int devices = Option("--devices", 1000, 1, 100_000);
int seconds = Option("--seconds", 10, 1, 120);
int concurrency = Option("--concurrency", 32, 1, 512);
string? postgres = Environment.GetEnvironmentVariable("SECUREOTA_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
    : Environment.GetEnvironmentVariable("SECUREOTA_TEST_POSTGRES") is { Length: > 0 } test ? test : null;

string dir = Directory.CreateTempSubdirectory("secureota-collector-bench-").FullName;
try
{
    var collectorPrivate = RandomNumberGenerator.GetBytes(32);
    using var collectorKey = CollectorKey.FromPrivateKey(collectorPrivate);
    var fleet = new List<BenchDevice>(devices);
    var recipients = new StringBuilder("{\"recipients\": [\n");
    for (int i = 0; i < devices; i++)
    {
        // A device's key pair; the MAC key is the same from either side (contract section 1).
        using var deviceKey = CollectorKey.Generate();
        var device = new BenchDevice($"bench-{i:D5}", deviceKey.PublicKey, collectorKey.DeriveMacKey(deviceKey.PublicKey)!);
        fleet.Add(device);
        recipients.Append(i == 0 ? "" : ",\n").Append($"  {{\"name\": \"{device.Name}\", \"kind\": \"device\", \"publicKey\": \"{Convert.ToHexStringLower(device.PublicKey)}\"}}");
    }
    string recipientsPath = Path.Combine(dir, "recipients.json");
    File.WriteAllText(recipientsPath, recipients.Append("\n]}\n").ToString());

    Console.WriteLine($"Collector benchmark: {devices} devices, {concurrency} concurrent connections, {seconds} s per backend, loopback 127.0.0.1, {Environment.ProcessorCount} cores.");
    Console.WriteLine(LoadResult.Header);
    var backends = new List<(string Name, string Setting, string? Schema)> { ("sqlite", "sqlite:" + Path.Combine(dir, "bench.db"), null) };
    if (postgres is null)
        Console.WriteLine("(PostgreSQL: not measured; set SECUREOTA_BENCH_POSTGRES to an Npgsql connection string, or run under .ci/postgres.sh's start_test_postgres)");
    else
    {
        string schema = "bench_" + Guid.NewGuid().ToString("N");
        await Sql(postgres, $"CREATE SCHEMA {schema}");
        backends.Add(("postgresql", "postgres:" + new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema, MaxPoolSize = Math.Max(concurrency + 4, 20) }.ConnectionString, schema));
    }

    foreach (var (name, setting, schema) in backends)
    {
        try
        {
            await using var host = await CollectorHost.StartAsync(new CollectorOptions
            {
                RecipientsPath = recipientsPath,
                PrivateKey = collectorPrivate,
                Database = setting,
                SummaryToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                Urls = "http://127.0.0.1:0",
                DeviceReportsPerMinute = 0,
                AddressRequestsPerMinute = 0,
                LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            });
            // Warm-up (JIT, connection pools), not measured; then the measured run, each device's counters continuing.
            var warm = await LoadRun.DriveAsync(host.BaseUrl, fleet, concurrency, TimeSpan.FromSeconds(1));
            var run = await LoadRun.DriveAsync(host.BaseUrl, fleet, concurrency, TimeSpan.FromSeconds(seconds));
            long inStore = await host.Store.CountAsync(default) - warm.Stored;
            Console.WriteLine(new LoadResult(name, devices, concurrency, run.Stored, run.Refused, run.Window,
                LoadRun.Percentile(run.LatenciesMs, 50), LoadRun.Percentile(run.LatenciesMs, 99), run.LatenciesMs.LastOrDefault(), inStore));
        }
        finally
        {
            if (schema is not null) await Sql(postgres!, $"DROP SCHEMA {schema} CASCADE");
        }
    }
    return 0;
}
finally
{
    Directory.Delete(dir, recursive: true);
}

int Option(string name, int fallback, int min, int max)
{
    int at = Array.IndexOf(args, name);
    if (at < 0 || at + 1 >= args.Length) return fallback;
    return int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
        ? value
        : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");
}

static async Task Sql(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
