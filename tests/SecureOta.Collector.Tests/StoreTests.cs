using SecureOta.Collector.Storage;
using SecureOta.Collector.Tests.Support;

namespace SecureOta.Collector.Tests;

/// <summary>The schema and its numbered migrations, on both databases.</summary>
public sealed class StoreTests
{
    public static TheoryData<string> Backends => TestDatabase.Backends;

    [Theory, MemberData(nameof(Backends))]
    public async Task Migrations_are_applied_once_and_recorded(string backend)
    {
        string dir = Directory.CreateTempSubdirectory("secureota-store-").FullName;
        await using var database = await TestDatabase.CreateAsync(backend, dir);
        for (int start = 0; start < 2; start++)
        {
            // A second start finds the schema current and changes nothing.
            await using var store = new ReportStore(DatabaseLocation.Open(database.Setting), TimeProvider.System);
            await store.MigrateAsync(default);
            Assert.Equal(0, await store.CountAsync(default));
        }
        Assert.Equal([1], await VersionsAsync(database.Setting));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Refuses_a_database_migrated_by_a_newer_collector(string backend)
    {
        string dir = Directory.CreateTempSubdirectory("secureota-store-").FullName;
        await using var database = await TestDatabase.CreateAsync(backend, dir);
        await using (var store = new ReportStore(DatabaseLocation.Open(database.Setting), TimeProvider.System)) await store.MigrateAsync(default);
        await ExecuteAsync(database.Setting, $"INSERT INTO schema_version (version, applied_at) VALUES ({Migrations.Latest + 1}, 0)");

        await using var newer = new ReportStore(DatabaseLocation.Open(database.Setting), TimeProvider.System);
        var refusal = await Assert.ThrowsAsync<CollectorConfigurationException>(() => newer.MigrateAsync(default));
        Assert.Contains($"schema version {Migrations.Latest + 1}", refusal.Message);
    }

    [PostgresFact]
    public async Task PostgreSQL_backend_is_tested()
    {
        // Skipped, with its reason in the test output, when no server is given; else the store tests above ran on it too.
        Assert.Contains(TestDatabase.Backends.Cast<object[]>(), row => (string)row[0] == TestDatabase.Postgres);
        await using var backend = DatabaseLocation.Open("postgres:" + TestDatabase.PostgresConnectionString);
        await using var connection = await backend.OpenAsync(default);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    private static async Task<List<long>> VersionsAsync(string setting)
    {
        await using var backend = DatabaseLocation.Open(setting);
        await using var connection = await backend.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync()) versions.Add(reader.GetInt64(0));
        return versions;
    }

    private static async Task ExecuteAsync(string setting, string sql)
    {
        await using var backend = DatabaseLocation.Open(setting);
        await using var connection = await backend.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
