namespace SecureOta.Collector.Tests.Support;

/// <summary>
/// A fact that runs only with a PostgreSQL server (SECUREOTA_TEST_POSTGRES) and is otherwise reported as
/// skipped with the reason, so every test run says whether the store tests covered PostgreSQL.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresConnectionString is null)
        {
            Skip = $"PostgreSQL is absent ({TestDatabase.PostgresVariable} is not set): the collector's store tests ran against SQLite only. " +
                "Install Debian's postgresql package; .ci/run then starts a throwaway cluster.";
        }
    }
}
