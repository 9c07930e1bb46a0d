using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Frosting;

public sealed class VerbosityTests
{
    [Theory]
    [InlineData("quiet", Verbosity.Quiet)]
    [InlineData("q", Verbosity.Quiet)]
    [InlineData("Minimal", Verbosity.Minimal)]
    [InlineData("m", Verbosity.Minimal)]
    [InlineData("normal", Verbosity.Normal)]
    [InlineData("n", Verbosity.Normal)]
    [InlineData("VERBOSE", Verbosity.Verbose)]
    [InlineData("v", Verbosity.Verbose)]
    [InlineData("diagnostic", Verbosity.Diagnostic)]
    [InlineData("diag", Verbosity.Diagnostic)]
    public void Parses_Cake_verbosity_names_and_abbreviations(string text, Verbosity expected)
    {
        Assert.Equal(expected, HostOptions.ParseVerbosity(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("loud")]
    [InlineData("3")]
    public void Rejects_other_verbosity_values(string text)
    {
        var exception = Assert.Throws<BuildException>(() => HostOptions.ParseVerbosity(text));

        Assert.Equal(BuildErrorCode.InvalidArgument, exception.Code);
    }

    [Fact]
    public void Verbosity_defaults_to_normal()
    {
        Assert.Equal(Verbosity.Normal, HostOptions.From(BuildArguments.Parse([])).Verbosity);
    }

    [Theory]
    [InlineData(Verbosity.Quiet, "E")]
    [InlineData(Verbosity.Minimal, "EW")]
    [InlineData(Verbosity.Normal, "EWI")]
    [InlineData(Verbosity.Verbose, "EWIV")]
    [InlineData(Verbosity.Diagnostic, "EWIVD")]
    public void Log_writes_only_the_levels_the_verbosity_allows(Verbosity verbosity, string expected)
    {
        var consoles = new TestConsoles();
        var log = new BuildLog(consoles.Output, consoles.Error, verbosity);

        log.Error("E");
        log.Warning("W");
        log.Information("I");
        log.Verbose("V");
        log.Debug("D");

        // Errors always go to the error console; everything else to the output console.
        Assert.Equal("E\n", consoles.ErrorText);
        Assert.Equal(string.Concat(expected.Skip(1).Select(level => level + "\n")), consoles.OutputText);
    }

    [Fact]
    public void Log_formats_arguments_but_prints_text_without_arguments_verbatim()
    {
        var consoles = new TestConsoles();
        var log = new BuildLog(consoles.Output, consoles.Error, Verbosity.Normal);

        log.Information("{0} of {1}", 3, 4);
        log.Information("literal {braces} and [brackets]");

        Assert.Equal("3 of 4\nliteral {braces} and [brackets]\n", consoles.OutputText);
    }
}
