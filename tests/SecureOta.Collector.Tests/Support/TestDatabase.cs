using Npgsql;

namespace SecureOta.Collector.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in the test's temp dir, or a new schema in the
/// PostgreSQL server named by SECUREOTA_TEST_POSTGRES (dropped at the end), so tests never share rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";
    public const string PostgresVariable = "SECUREOTA_TEST_POSTGRES";

    private readonly string? _schema;

    private TestDatabase(string setting, string? schema)
    {
        Setting = setting;
        _schema = schema;
    }

    /// <summary>The collector's --database setting for this database.</summary>
    public string Setting { get; }

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The backends the store tests run against: SQLite always, PostgreSQL when a server is given.</summary>
    public static TheoryData<string> Backends
    {
        get
        {
            var backends = new TheoryData<string> { Sqlite };
            if (PostgresConnectionString is not null) backends.Add(Postgres);
            return backends;
        }
    }

    public static async Task<TestDatabase> CreateAsync(string backend, string directory)
    {
        if (backend == Sqlite) return new TestDatabase("sqlite:" + Path.Combine(directory, "collector.db"), null);

        string server = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        string schema = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        return new TestDatabase("postgres:" + builder.ConnectionString, schema);
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is null) return;
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
