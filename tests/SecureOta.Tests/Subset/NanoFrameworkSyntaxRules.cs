using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureOta.Tests.Subset;

/// <summary>
/// The parts of the nanoFramework subset (shared NANOFRAMEWORK.md) that can be seen in the syntax
/// tree alone, without resolving a single name. They are all that can be checked for the ESP32
/// projects, whose sources call nanoFramework-only APIs (HttpWebRequest.HttpsAuthentCert,
/// Power.RebootDevice, ...) that the host compiler cannot resolve. What syntax cannot see: generic
/// methods called with inferred type arguments, and forbidden APIs reached through a using directive
/// of an allowed namespace; the semantic check covers those for the portable core.
/// </summary>
internal static class NanoFrameworkSyntaxRules
{
    /// <summary>C# 7.3 is what nanoFramework's toolchain compiles.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp7_3);

    public static readonly string[] ForbiddenNamespaces =
    {
        "System.Linq", "System.Threading.Tasks", "System.Buffers", "System.Memory",
        "System.Security.Cryptography", "System.Collections.Generic", "System.Collections.Concurrent",
        "System.Collections.Immutable", "System.Runtime.InteropServices", "System.Numerics",
        "System.Text.Json", "System.Net.Http",
    };

    /// <summary>
    /// Namespaces the ESP32 projects may import although the host forbids them: nanoFramework has
    /// its own assemblies under these names (nanoFramework.System.Security.Cryptography's Aes and
    /// HMACSHA256, nanoFramework.System.Net.Http.Client's HttpWebRequest lives in System.Net).
    /// </summary>
    public static readonly string[] NanoFrameworkOwnNamespaces = { "System.Security.Cryptography" };

    /// <summary>Parse errors (newer-than-7.3 syntax shows up here) and every syntax-level violation.</summary>
    public static IEnumerable<string> Problems(SyntaxTree tree, string[] forbiddenNamespaces)
    {
        foreach (var diagnostic in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            yield return $"{Where(diagnostic.Location)}: does not parse as C# 7.3: {diagnostic.GetMessage()}";
        }
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var problem = Problem(node, forbiddenNamespaces);
            if (problem != null) yield return $"{Where(node.GetLocation())}: {problem}";
        }
    }

    /// <summary>The violation this one node is, or null.</summary>
    public static string? Problem(SyntaxNode node, string[] forbiddenNamespaces) => node switch
    {
        MethodDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.AsyncKeyword) => "async method",
        LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.AsyncKeyword) => "async local function",
        AnonymousFunctionExpressionSyntax f when f.Modifiers.Any(SyntaxKind.AsyncKeyword) => "async lambda",
        AwaitExpressionSyntax => "await",
        QueryExpressionSyntax => "LINQ query",
        StackAllocArrayCreationExpressionSyntax => "stackalloc",
        TupleTypeSyntax or TupleExpressionSyntax => "tuple",
        RecordDeclarationSyntax => "record",
        PointerTypeSyntax or FunctionPointerTypeSyntax => "pointer type",
        UnsafeStatementSyntax or FixedStatementSyntax => "unsafe code",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "unsafe code",
        YieldStatementSyntax => "iterator (yield)",
        TypeParameterListSyntax => "generic declaration",
        GenericNameSyntax generic => $"generic type or method {generic}",
        StructDeclarationSyntax s when s.Modifiers.Any(SyntaxKind.RefKeyword) => "ref struct",
        UsingDirectiveSyntax u when IsForbidden(u.Name?.ToString(), forbiddenNamespaces) =>
            $"using {u.Name}: nanoFramework lacks this namespace",
        QualifiedNameSyntax q when q.Parent is not QualifiedNameSyntax && q.Parent is not UsingDirectiveSyntax
                                   && IsForbiddenMember(q.ToString(), forbiddenNamespaces) => $"{q} is in a namespace nanoFramework lacks",
        MemberAccessExpressionSyntax a when a.Parent is not MemberAccessExpressionSyntax
                                            && IsForbiddenMember(a.ToString(), forbiddenNamespaces) => $"{a} is in a namespace nanoFramework lacks",
        _ => null,
    };

    private static bool IsForbidden(string? name, string[] forbidden) =>
        name != null && forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal));

    // "System.Linq.Enumerable.Count": some prefix of the dotted name is a forbidden namespace.
    private static bool IsForbiddenMember(string dotted, string[] forbidden) =>
        forbidden.Any(f => dotted.StartsWith(f + ".", StringComparison.Ordinal)
                           || dotted.StartsWith("global::" + f + ".", StringComparison.Ordinal));

    public static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }
}
