using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// Turns a compile error about a name the compiler cannot find into the package that provides it:
/// nanoFramework's mscorlib is small and much of what .NET keeps there (Stream, Math, Hashtable,
/// StringBuilder) is a package of its own, which a host build never notices. The type is looked up in
/// every reference assembly of nanoframework-refs; the advice names each match's assembly and package,
/// and whether the project references it.
/// </summary>
internal static partial class NanoFrameworkErrorAdvice
{
    // Errors whose cause can be a type from an assembly the project does not reference.
    private static readonly HashSet<string> MissingName = new(StringComparer.Ordinal)
    {
        "CS0103", // The name 'Math' does not exist in the current context
        "CS0246", // The type or namespace name 'Stream' could not be found
        "CS0234", // The type or namespace name 'Stream' does not exist in the namespace 'System.IO'
    };

    /// <summary>The advice for an error, or null when it is not about a missing type.</summary>
    public static string? For(Diagnostic error, string api, string project, NanoFrameworkReferenceAssemblies references,
        IReadOnlyCollection<string> referenced)
    {
        string message = error.GetMessage(CultureInfo.InvariantCulture);
        if (error.Id == "CS0012" && NotReferencedAssembly().Match(message) is { Success: true } assembly)
        {
            string name = assembly.Groups[1].Value;
            return $"the type is in assembly {name}, package {PackageName(name)}, which {project} does not reference: " + HowToReference;
        }
        if (!MissingName.Contains(error.Id)) return null;

        string typeName = api.Split('.')[^1].Trim();
        var candidates = references.TypesNamed(typeName);
        if (error.Id == "CS0234" && InNamespace().Match(message) is { Success: true } qualifier)
        {
            candidates = candidates.Where(t => t.Namespace == qualifier.Groups[1].Value).ToList();
        }
        else
        {
            var inScope = NamespacesInScope(error.Location);
            var visible = candidates.Where(t => inScope.Contains(t.Namespace)).ToList();
            if (visible.Count > 0) candidates = visible;
        }
        if (candidates.Count == 0)
        {
            return $"no nanoFramework assembly in {NanoFrameworkReferenceAssemblies.FolderName} defines a public type '{typeName}': " +
                   "nanoFramework lacks this API (use another), or its package's assembly is not in that folder yet";
        }
        return string.Join("; ", candidates.Select(t => $"{t.FullName} is in {t.Assembly}.dll, package {PackageName(t.Assembly)}, " +
            (referenced.Contains(t.Assembly)
                ? $"which {project} references (is a using directive for {t.Namespace} missing?)"
                : $"which {project} does not reference: " + HowToReference)));
    }

    private const string HowToReference = "add a Reference with its HintPath to the .nfproj and the package to its packages.config";

    private static string PackageName(string assembly) =>
        NanoFrameworkReferenceAssemblies.PackageOfAssembly.GetValueOrDefault(assembly) ?? "(not in the package table)";

    /// <summary>The namespaces a simple name at this location is looked up in: enclosing namespaces and using directives.</summary>
    private static HashSet<string> NamespacesInScope(Location location)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal) { "" };
        if (location.SourceTree is not { } tree) return scope;
        var root = tree.GetRoot();
        foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
        {
            if (directive.Name != null && directive.Alias == null) scope.Add(directive.Name.ToString());
        }
        // Code in namespace A.B { namespace C { } } sees A.B.C, A.B and A.
        var declarations = root.FindToken(location.SourceSpan.Start).Parent!.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>();
        string name = string.Join(".", declarations.Reverse().Select(d => d.Name.ToString()));
        for (int dot = name.Length; dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            scope.Add(name[..dot]);
        }
        return scope;
    }

    [GeneratedRegex(@"add a reference to assembly '([^,']+)")]
    private static partial Regex NotReferencedAssembly();

    [GeneratedRegex(@"in the namespace '([^']+)'")]
    private static partial Regex InNamespace();
}
