namespace SecureOta.Tests.Workflows;

/// <summary>
/// The command lines of a shell script: trimmed, without blank lines and comment lines, so that a
/// command mentioned only in a comment or an echo never counts as run.
/// </summary>
internal static class ShellLines
{
    public static IEnumerable<string> Commands(string script) =>
        script.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

    /// <summary>True when some line runs exactly this command (nothing before or after it).</summary>
    public static bool RunsExactly(IEnumerable<string> commands, string command) =>
        commands.Any(line => line == command);

    /// <summary>The lines that invoke the program: they start with its name and a space.</summary>
    public static IEnumerable<string> Invocations(IEnumerable<string> commands, string program) =>
        commands.Where(line => line.StartsWith(program + " ", StringComparison.Ordinal));
}
