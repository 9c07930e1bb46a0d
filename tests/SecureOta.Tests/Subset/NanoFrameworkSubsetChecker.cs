using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureOta.Tests.Subset;

/// <summary>
/// Checks device-side sources against the nanoFramework subset (shared NANOFRAMEWORK.md).
/// <see cref="Check"/> compiles them with Roslyn and reports every construct or API that the
/// nanoFramework runtime lacks: generic types and methods (including ones whose type arguments are
/// inferred, which no text search can see), async/await, LINQ, Span and friends, stackalloc, tuples,
/// records, unsafe code, iterators, and namespaces or APIs that do not exist on the device.
/// <see cref="CheckSyntaxOnly"/> applies the syntax-level rules alone, for sources that call
/// nanoFramework-only APIs the host compiler cannot resolve (the ESP32 projects).
/// </summary>
internal static class NanoFrameworkSubsetChecker
{
    private static readonly string[] ForbiddenNamespaces = NanoFrameworkSyntaxRules.ForbiddenNamespaces;

    // Types that exist in System on the host but not in nanoFramework's CoreLibrary.
    private static readonly string[] ForbiddenTypes =
    {
        "System.Span`1", "System.ReadOnlySpan`1", "System.Memory`1", "System.ReadOnlyMemory`1",
        "System.Buffer", "System.HashCode", "System.Lazy`1", "System.Tuple", "System.ValueTuple",
        "System.Index", "System.Range", "System.Half", "System.Int128", "System.UInt128",
    };

    // Members that exist on the host but not on the device.
    private static readonly string[] ForbiddenMembers =
    {
        "System.Convert.ToHexString", "System.Convert.FromHexString", "System.Convert.ToHexStringLower",
        "System.Array.Empty", "System.Array.Fill", "System.Array.Resize", "System.String.Create",
        "System.Math.Clamp", "System.GC.AllocateUninitializedArray",
    };

    public static IReadOnlyList<string> Check(IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, NanoFrameworkSyntaxRules.ParseOptions, s.Path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "SubsetCheck", trees, HostReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: false));

        var problems = new List<string>();
        foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            problems.Add($"{Where(diagnostic.Location)}: does not compile as C# 7.3: {diagnostic.GetMessage()}");
        }

        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var problem = NanoFrameworkSyntaxRules.Problem(node, ForbiddenNamespaces) ?? SymbolProblem(node, model);
                if (problem != null) problems.Add($"{Where(node.GetLocation())}: {problem}");
            }
        }
        return problems.Distinct().ToList();
    }

    /// <summary>
    /// The syntax-level rules alone: each file must parse as C# 7.3 and use none of the constructs or
    /// namespaces the device lacks. Names are not resolved, so nanoFramework-only APIs pass; the
    /// namespaces nanoFramework provides itself (System.Security.Cryptography) may be imported.
    /// </summary>
    public static IReadOnlyList<string> CheckSyntaxOnly(IEnumerable<(string Path, string Text)> sources)
    {
        var forbidden = ForbiddenNamespaces.Except(NanoFrameworkSyntaxRules.NanoFrameworkOwnNamespaces).ToArray();
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, NanoFrameworkSyntaxRules.ParseOptions, s.Path))
            .ToList();
        // Roslyn reports most newer-than-7.3 syntax (switch expressions, using declarations, ...) while
        // binding, not while parsing: bind without the nanoFramework references and keep only those.
        var compilation = CSharpCompilation.Create("SyntaxCheck", trees, HostReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: false));
        var languageVersion = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && IsLanguageVersionError(d))
            .Select(d => $"{Where(d.Location)}: does not compile as C# 7.3: {d.GetMessage()}");
        return trees
            .SelectMany(tree => NanoFrameworkSyntaxRules.Problems(tree, forbidden))
            .Concat(languageVersion)
            .Distinct()
            .ToList();
    }

    // "Feature 'x' is not available in C# 7.3. Please use language version 8.0 or greater."
    private static bool IsLanguageVersionError(Diagnostic diagnostic) =>
        diagnostic.Id is "CS8107" or "CS8320" or "CS8370" or "CS8400" or "CS8652" or "CS9058"
        || diagnostic.GetMessage().Contains("not available in C# 7.3", StringComparison.Ordinal);

    private static string? SymbolProblem(SyntaxNode node, SemanticModel model)
    {
        if (node is not (ExpressionSyntax or TypeSyntax)) return null;
        var symbol = model.GetSymbolInfo(node).Symbol;
        var type = model.GetTypeInfo(node).Type;

        if (symbol is IMethodSymbol { IsGenericMethod: true } method)
            return $"generic method {method.ToDisplayString()}";
        foreach (var candidate in new[] { type, symbol as ITypeSymbol, symbol?.ContainingType })
        {
            var problem = TypeProblem(candidate);
            if (problem != null) return problem;
        }
        if (symbol != null)
        {
            var member = $"{symbol.ContainingType?.ToDisplayString()}.{symbol.Name}";
            if (ForbiddenMembers.Contains(member)) return $"{member} does not exist on nanoFramework";
            var ns = symbol.ContainingNamespace?.ToDisplayString() ?? "";
            if (ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                return $"{symbol.ToDisplayString()} is in {ns}, which nanoFramework lacks";
        }
        return null;
    }

    private static string? TypeProblem(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return null;
            case IArrayTypeSymbol array:
                return TypeProblem(array.ElementType);
            case IPointerTypeSymbol:
                return "pointer type";
            case INamedTypeSymbol named:
                if (named.IsGenericType) return $"generic type {named.ToDisplayString()}";
                if (named.IsTupleType) return "tuple";
                var metadataName = $"{named.ContainingNamespace?.ToDisplayString()}.{named.MetadataName}";
                if (ForbiddenTypes.Contains(metadataName)) return $"{metadataName} does not exist on nanoFramework";
                var ns = named.ContainingNamespace?.ToDisplayString() ?? "";
                if (ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                    return $"{named.ToDisplayString()} is in {ns}, which nanoFramework lacks";
                return null;
            default:
                return null;
        }
    }

    private static string Where(Location location) => NanoFrameworkSyntaxRules.Where(location);

    /// <summary>The host's System.* reference assemblies, for compiling device sources on the host.</summary>
    public static IReadOnlyList<MetadataReference> HostReferenceList => HostReferences.Value;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> HostReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList());
}
