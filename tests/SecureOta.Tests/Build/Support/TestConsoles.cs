using Spectre.Console;

namespace SecureOta.Tests.Build.Support;

/// <summary>Plain-text output and error consoles whose contents tests can read.</summary>
internal sealed class TestConsoles
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public TestConsoles()
    {
        Output = Create(_output);
        Error = Create(_error);
    }

    public IAnsiConsole Output { get; }

    public IAnsiConsole Error { get; }

    public string OutputText => _output.ToString();

    public string ErrorText => _error.ToString();

    public string AllText => OutputText + ErrorText;

    private static IAnsiConsole Create(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        return console;
    }
}
