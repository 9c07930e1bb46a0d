using System.Reflection;
using System.Text.RegularExpressions;

namespace SecureOta.Tests.Protocol;

/// <summary>
/// docs/SECURITY.md names the tests behind every row of its compromise table and every TUF attack; each
/// name must be a test of this suite, so the document cannot promise what nothing checks.
/// </summary>
public sealed partial class SecurityDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "docs", "SECURITY.md"));

    [Fact]
    public void Every_test_the_security_document_names_exists_in_the_suite()
    {
        var tests = typeof(SecurityDocumentTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var named = TestName().Matches(Document).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(named.Count >= 30, $"only {named.Count} test names found in docs/SECURITY.md");
        Assert.DoesNotContain(named, n => !tests.Contains(n));
    }

    [Fact]
    public void Every_row_of_the_compromise_table_and_every_tuf_attack_but_slow_retrieval_names_a_test()
    {
        var rows = TableRows("## Compromise table").Concat(TableRows("## TUF's attacks")).ToList();

        Assert.True(rows.Count >= 25, $"only {rows.Count} table rows found");
        Assert.All(rows.Where(r => !r.StartsWith("| slow retrieval", StringComparison.Ordinal)), r => Assert.Matches(TestName(), r));
    }

    /// <summary>The body rows of the first table after <paramref name="heading"/>.</summary>
    private static IEnumerable<string> TableRows(string heading) =>
        Document[Document.IndexOf(heading, StringComparison.Ordinal)..].Split('\n')
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]+Tests\.[A-Za-z0-9_]+)`")]
    private static partial Regex TestName();
}
