using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Context;

public sealed class BuildContextTimeTests
{
    private static readonly DateTimeOffset Epoch1700000000 = new(2023, 11, 14, 22, 13, 20, TimeSpan.Zero);

    [Fact]
    public void Now_from_unix_seconds_argument()
    {
        var context = Create(["--now=1700000000"]);

        Assert.Equal(Epoch1700000000, context.Now);
        Assert.Equal(BuildTimeSource.Argument, context.NowSource);
    }

    [Fact]
    public void Now_from_ISO_8601_argument_is_converted_to_UTC_and_whole_seconds()
    {
        var context = Create(["--now=2023-11-15T00:13:20.75+02:00"]);

        Assert.Equal(Epoch1700000000, context.Now);
        Assert.Equal(TimeSpan.Zero, context.Now.Offset);
    }

    [Theory]
    [InlineData("2023-11-14T22:13:20")]
    [InlineData("2023-11-14")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Now_argument_without_zone_or_not_a_time_is_a_command_line_error(string value)
    {
        var exception = Assert.Throws<BuildException>(() => Create(["--now=" + value]));

        Assert.Equal(BuildErrorCode.InvalidArgument, exception.Code);
        Assert.True(exception.IsCommandLineError);
    }

    [Fact]
    public void Now_from_SOURCE_DATE_EPOCH_when_no_argument()
    {
        var context = Create([], new() { ["SOURCE_DATE_EPOCH"] = "1700000000" });

        Assert.Equal(Epoch1700000000, context.Now);
        Assert.Equal(BuildTimeSource.SourceDateEpoch, context.NowSource);
    }

    [Fact]
    public void Now_argument_takes_precedence_over_SOURCE_DATE_EPOCH()
    {
        var context = Create(["--now=0"], new() { ["SOURCE_DATE_EPOCH"] = "1700000000" });

        Assert.Equal(DateTimeOffset.UnixEpoch, context.Now);
    }

    [Fact]
    public void Malformed_SOURCE_DATE_EPOCH_is_an_error_not_silently_ignored()
    {
        var exception = Assert.Throws<BuildException>(() => Create([], new() { ["SOURCE_DATE_EPOCH"] = "2023-11-14" }));

        Assert.Equal(BuildErrorCode.InvalidEnvironmentVariable, exception.Code);
        Assert.Contains("SOURCE_DATE_EPOCH", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Now_falls_back_to_the_clock_truncated_to_seconds()
    {
        var context = Create([], new() { ["SOURCE_DATE_EPOCH"] = string.Empty });

        Assert.Equal(BuildTimeSource.Clock, context.NowSource);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(TestEnvironments.ClockTime.ToUnixTimeSeconds()), context.Now);
    }

    private static BuildContext Create(string[] args, Dictionary<string, string>? variables = null)
    {
        using var temp = new TempDirectory();
        return BuildContextFactory.Create(BuildContextFactory.MakeRepository(temp), args, variables);
    }
}
