using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureOta.Tests.Subset;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The ESP32 projects' Portable/ sources (the loader's and the platform's nanoFramework-free logic)
/// compiled here with Roslyn against the real portable core, and the app-bundle packer tool, so
/// tests run the very files the device builds. The test project cannot list them (its project file
/// is not ours to change), hence the compile at test time; members are reached by reflection.
/// </summary>
internal static class PortableCode
{
    private static readonly Lazy<Assembly> Portable = new(() => Compile("Esp32Portable", PortableSources(),
        new CSharpParseOptions(LanguageVersion.CSharp7_3), OutputKind.DynamicallyLinkedLibrary));

    private static readonly Lazy<Assembly> Packer = new(() => Compile("PackAppBundle", PackerSource(),
        new CSharpParseOptions(LanguageVersion.Latest), OutputKind.ConsoleApplication));

    public static string Esp32Folder => Path.Combine(RepositoryRoot.FullPath, "device", "Esp32");

    /// <summary>Calls a public static method of a portable type; exceptions surface unwrapped.</summary>
    public static object? Call(string typeName, string method, params object?[] args) =>
        Invoke(Portable.Value, typeName, method, args);

    /// <summary>Calls a public static method of the packer tool.</summary>
    public static object? CallPacker(string method, params object?[] args) =>
        Invoke(Packer.Value, "AppBundleWriter", method, args);

    public static Type Type(string typeName) => Portable.Value.GetType(typeName, throwOnError: true)!;

    public static T Get<T>(object target, string property) =>
        (T)target.GetType().GetProperty(property)!.GetValue(target)!;

    public static object? Constant(string typeName, string name) =>
        Portable.Value.GetType(typeName, throwOnError: true)!.GetField(name)!.GetValue(null);

    private static object? Invoke(Assembly assembly, string typeName, string method, object?[] args)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                     ?? throw new MissingMethodException(typeName, method);
        return target.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
    }

    private static IEnumerable<(string Path, string Text)> PortableSources() =>
        Directory.EnumerateFiles(Esp32Folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => path.Split(Path.DirectorySeparatorChar).Contains("Portable"))
            .Select(path => (path, File.ReadAllText(path)));

    // File-based app directives ("#:property ...") are for the dotnet CLI, not the compiler.
    private static IEnumerable<(string Path, string Text)> PackerSource()
    {
        var path = Path.Combine(Esp32Folder, "HostTools", "PackAppBundle.cs");
        var lines = File.ReadAllLines(path).Where(line => !line.StartsWith("#:", StringComparison.Ordinal));
        yield return (path, string.Join("\n", lines));
        // The implicit usings the .NET SDK gives a file-based console app.
        yield return ("ImplicitUsings.cs", "global using System; global using System.Collections.Generic; global using System.IO; " +
            "global using System.Linq; global using System.Threading; global using System.Threading.Tasks;");
    }

    private static Assembly Compile(string name, IEnumerable<(string Path, string Text)> sources, CSharpParseOptions options, OutputKind kind)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Path)).ToList();
        var references = NanoFrameworkSubsetChecker.HostReferenceList
            .Append(MetadataReference.CreateFromFile(typeof(SecureOta.Device.Core.Json.JsonReader).Assembly.Location));
        var compilation = CSharpCompilation.Create(name, trees, references, new CSharpCompilationOptions(kind));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException(name + " does not compile:\n" + string.Join("\n", errors));
        }
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
