using SecureOta.Build.Frosting;

namespace SecureOta.Tests.Build.Frosting;

public sealed class BuildArgumentsTests
{
    [Fact]
    public void Reads_equals_separate_and_flag_forms()
    {
        var arguments = BuildArguments.Parse(["--root=/repo", "--now", "1700000000", "--all"]);

        Assert.Equal("/repo", arguments.GetArgument("root"));
        Assert.Equal("1700000000", arguments.GetArgument("now"));
        Assert.Equal("true", arguments.GetArgument("all"));
    }

    [Fact]
    public void Value_may_contain_equals_signs_and_be_empty()
    {
        var arguments = BuildArguments.Parse(["--filter=a=b", "--empty="]);

        Assert.Equal("a=b", arguments.GetArgument("filter"));
        Assert.Equal(string.Empty, arguments.GetArgument("empty"));
    }

    [Fact]
    public void Names_are_case_insensitive()
    {
        var arguments = BuildArguments.Parse(["--Target=Pack"]);

        Assert.True(arguments.HasArgument("target"));
        Assert.Equal("Pack", arguments.GetArgument("TARGET"));
    }

    [Fact]
    public void Short_aliases_map_to_Cake_long_names()
    {
        var arguments = BuildArguments.Parse(["-t", "Pack", "-v=diagnostic", "-e", "-h"]);

        Assert.Equal("Pack", arguments.GetArgument("target"));
        Assert.Equal("diagnostic", arguments.GetArgument("verbosity"));
        Assert.True(arguments.GetFlag("exclusive"));
        Assert.True(arguments.GetFlag("help"));
    }

    [Fact]
    public void Unknown_long_arguments_are_kept_for_tasks()
    {
        var arguments = BuildArguments.Parse(["--release-key-file=ci.key"]);

        Assert.Equal("ci.key", arguments.GetArgument("release-key-file"));
    }

    [Fact]
    public void Last_value_wins_and_all_values_are_available()
    {
        var arguments = BuildArguments.Parse(["--channel=beta", "--channel=stable"]);

        Assert.Equal("stable", arguments.GetArgument("channel"));
        Assert.Equal(["beta", "stable"], arguments.GetArguments("channel"));
    }

    [Fact]
    public void Absent_argument_reads_as_null_empty_and_false()
    {
        var arguments = BuildArguments.Parse([]);

        Assert.Null(arguments.GetArgument("all"));
        Assert.Empty(arguments.GetArguments("all"));
        Assert.False(arguments.HasArgument("all"));
        Assert.False(arguments.GetFlag("all"));
    }

    [Theory]
    [InlineData("--all=false", false)]
    [InlineData("--all=TRUE", true)]
    [InlineData("--all=", true)]
    public void Flag_values_are_read_as_booleans(string argument, bool expected)
    {
        Assert.Equal(expected, BuildArguments.Parse([argument]).GetFlag("all"));
    }

    [Fact]
    public void Flag_with_another_value_is_an_invalid_argument()
    {
        var exception = Assert.Throws<BuildException>(() => BuildArguments.Parse(["--all=yes-please"]).GetFlag("all"));

        Assert.Equal(BuildErrorCode.InvalidArgument, exception.Code);
        Assert.Contains("--all is a switch", exception.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Default", "Unexpected argument 'Default'")]
    [InlineData("-x", "Unknown short option '-x'")]
    [InlineData("-target=Pack", "Unknown short option '-target=Pack'")]
    [InlineData("--=value", "Malformed argument '--=value'")]
    [InlineData("--na me", "Malformed argument '--na me'")]
    public void Malformed_command_line_is_an_invalid_argument(string token, string expected)
    {
        var exception = Assert.Throws<BuildException>(() => BuildArguments.Parse([token]));

        Assert.Equal(BuildErrorCode.InvalidArgument, exception.Code);
        Assert.True(exception.IsCommandLineError);
        Assert.Contains(expected, exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_names_that_nobody_read()
    {
        var arguments = BuildArguments.Parse(["--target=Pack", "--typo=1", "--root=/r"]);
        _ = arguments.GetArgument("target");
        _ = arguments.HasArgument("root");

        Assert.Equal(["typo"], arguments.UnreadNames());
    }
}
