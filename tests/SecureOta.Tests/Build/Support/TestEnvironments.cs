using SecureOta.Build.Frosting;

namespace SecureOta.Tests.Build.Support;

/// <summary>Build environments with a chosen working directory, variables and clock.</summary>
internal static class TestEnvironments
{
    public static readonly DateTimeOffset ClockTime = new(2030, 5, 6, 7, 8, 9, 500, TimeSpan.Zero);

    public static BuildEnvironment Create(string workingDirectory, IReadOnlyDictionary<string, string>? variables = null) =>
        new(workingDirectory, workingDirectory, variables ?? new Dictionary<string, string>(), new FixedTimeProvider(ClockTime));
}
