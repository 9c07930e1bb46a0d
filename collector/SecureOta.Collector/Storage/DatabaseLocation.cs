namespace SecureOta.Collector.Storage;

/// <summary>
/// Parses the --database setting: "sqlite:&lt;file&gt;" (the default, embedded) or
/// "postgres:&lt;Npgsql connection string&gt;" (e.g. "postgres:Host=db;Database=collector;Username=collector",
/// the password best in PGPASSWORD or a .pgpass file rather than on a command line).
/// </summary>
public static class DatabaseLocation
{
    public const string SqlitePrefix = "sqlite:";
    public const string PostgresPrefix = "postgres:";

    public static DatabaseBackend Open(string setting)
    {
        if (setting.StartsWith(SqlitePrefix, StringComparison.Ordinal) && setting.Length > SqlitePrefix.Length)
            return new SqliteBackend(setting[SqlitePrefix.Length..]);
        if (setting.StartsWith(PostgresPrefix, StringComparison.Ordinal) && setting.Length > PostgresPrefix.Length)
        {
            try
            {
                return new PostgresBackend(setting[PostgresPrefix.Length..]);
            }
            catch (ArgumentException e)
            {
                throw new CollectorConfigurationException($"The PostgreSQL connection string is invalid: {e.Message}");
            }
        }
        throw new CollectorConfigurationException(
            "--database must be sqlite:<file> (e.g. sqlite:collector.db) or postgres:<Npgsql connection string> (e.g. postgres:Host=localhost;Database=collector).");
    }

    /// <summary>The setting without secrets, for messages: the SQLite path, or PostgreSQL's host and database only.</summary>
    public static string Describe(string setting)
    {
        if (setting.StartsWith(SqlitePrefix, StringComparison.Ordinal)) return setting;
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(setting[PostgresPrefix.Length..]);
            return $"postgres: host {builder.Host}, database {builder.Database}";
        }
        catch (ArgumentException)
        {
            return "postgres: (unparsable connection string)";
        }
    }
}
