namespace SecureOta.Tests.Workflows;

/// <summary>
/// The README's two commands, as marked there: the first two fenced `sh` blocks under the
/// "## Quick start" heading are the main build and the test command, one line each.
/// </summary>
internal static class ReadmeQuickStart
{
    private const string Heading = "## Quick start";
    private const string ShFence = "```sh";
    private const string Fence = "```";

    public static string BuildCommand => Commands()[0];

    public static string TestCommand => Commands()[1];

    /// <summary>The README commands, for theories.</summary>
    public static IEnumerable<object[]> All() => Commands().Select(c => new object[] { c });

    public static IReadOnlyList<string> Commands() =>
        Extract(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "README.md")));

    /// <summary>The commands of the first two `sh` blocks of the Quick start section.</summary>
    public static IReadOnlyList<string> Extract(string readme)
    {
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == Heading);
        if (start < 0) throw new InvalidDataException($"README.md has no '{Heading}' heading");

        var blocks = new List<string>();
        List<string>? block = null;
        for (var i = start + 1; i < lines.Length && blocks.Count < 2; i++)
        {
            var line = lines[i];
            if (block == null)
            {
                if (line.StartsWith("## ", StringComparison.Ordinal)) break;
                if (line.TrimEnd() == ShFence) block = [];
            }
            else if (line.TrimEnd() == Fence)
            {
                if (block.Count != 1)
                    throw new InvalidDataException($"a Quick start `sh` block must hold one command, found {block.Count}");
                blocks.Add(block[0]);
                block = null;
            }
            else if (line.Trim().Length > 0)
            {
                block.Add(line.Trim());
            }
        }
        if (blocks.Count != 2)
            throw new InvalidDataException($"README.md's Quick start needs two `sh` blocks, found {blocks.Count}");
        return blocks;
    }
}
