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

    /// <summary>
    /// True when some line runs exactly this command: nothing before it, and after it at most a copy
    /// of its output into a file (<c>2&gt;&amp;1 | tee &lt;file&gt;</c>), which does not change what runs.
    /// </summary>
    public static bool RunsExactly(IEnumerable<string> commands, string command) =>
        commands.Any(line => line == command
            || (line.StartsWith(command + " ", StringComparison.Ordinal)
                && OutputCopy.IsMatch(line[(command.Length + 1)..])));

    private static readonly System.Text.RegularExpressions.Regex OutputCopy =
        new(@"^(2>&1 )?\| tee ""?\$?[A-Za-z_][A-Za-z0-9_./-]*""?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The lines that invoke the program: they start with its name and a space.</summary>
    public static IEnumerable<string> Invocations(IEnumerable<string> commands, string program) =>
        commands.Where(line => line.StartsWith(program + " ", StringComparison.Ordinal));
}
