namespace SecureOta.Collector.Tests.Support;

/// <summary>A clock the test moves by hand (reports' received time, the summary's "since").</summary>
public sealed class SettableTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
