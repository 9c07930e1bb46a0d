using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureOta.Tests.Subset;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// Binds every ESP32 source together with the portable core on the host and keeps only the errors
/// that name a type declared in those sources: a changed core API (a renamed member, a new constructor
/// parameter, an interface member the ESP32 seam no longer implements) shows up here, while the many
/// errors about nanoFramework-only APIs the host cannot resolve are not about our types and are dropped.
/// </summary>
internal static class CoreApiUsage
{
    public static IReadOnlyList<string> Problems(IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, NanoFrameworkSyntaxRules.ParseOptions, s.Path)).ToList();
        var ours = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Select(declaration => declaration.Identifier.Text)
            .Concat(trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<DelegateDeclarationSyntax>()).Select(d => d.Identifier.Text))
            .ToHashSet(StringComparer.Ordinal);
        var compilation = CSharpCompilation.Create("Esp32ApiCheck", trees, NanoFrameworkSubsetChecker.HostReferenceList,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && NamesOneOf(d.GetMessage(), ours))
            .Select(d => $"{NanoFrameworkSyntaxRules.Where(d.Location)}: {d.Id} {d.GetMessage()}")
            .Distinct()
            .ToList();
    }

    // Roslyn quotes symbols in messages: 'BootManager', 'BootManager.Confirm()', 'IHttpTransport.Get(string, long, string)'.
    private static bool NamesOneOf(string message, HashSet<string> names) =>
        message.Split('\'').Where((_, i) => i % 2 == 1)
            .Any(quoted => names.Contains(quoted.Split('.', '(', '<')[0]) ||
                           quoted.Split('(')[0].Split('.').Any(names.Contains));
}
