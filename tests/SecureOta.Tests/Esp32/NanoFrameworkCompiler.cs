using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// Compiles a device project in-process with Roslyn the way the nanoFramework toolchain's C# step
/// does: its Compile items (wildcards and exclusions expanded), its assembly references resolved by
/// assembly name to nanoFramework's reference assemblies and nothing else (no standard library, as
/// csc -nostdlib), its project references compiled first, its LangVersion, output kind, defines and
/// unsafe setting. The nanoFramework MetadataProcessor step (.pe) is not reproduced. Results are kept
/// per project file, so a project shared by several (the core) compiles once.
/// </summary>
internal sealed class NanoFrameworkCompiler(NanoFrameworkReferenceAssemblies references)
{
    private readonly Dictionary<string, NanoFrameworkCompileResult> _projects = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public NanoFrameworkReferenceAssemblies References { get; } = references;

    public NanoFrameworkCompileResult CompileProject(NanoFrameworkProject project)
    {
        lock (_lock)
        {
            if (_projects.TryGetValue(project.Path, out var done)) return done;
            var dependencies = project.ProjectReferences
                .Select(reference => CompileProject(NanoFrameworkProject.Load(Path.Combine(project.Folder, reference))))
                .ToList();
            var sources = project.Compile.SelectMany(project.Expand).Distinct(StringComparer.Ordinal)
                .Select(path => (path, File.ReadAllText(path)))
                .ToList();
            string language = project.Property("LangVersion") ?? "default";
            if (!LanguageVersionFacts.TryParse(language, out var version))
            {
                throw new InvalidDataException($"{project.Name}: LangVersion '{language}' is not a C# version");
            }
            var options = new NanoFrameworkCompileOptions(
                Assembly: project.Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(project.Path),
                Language: version,
                Kind: string.Equals(project.OutputType, "Exe", StringComparison.OrdinalIgnoreCase)
                    ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                Defines: (project.Property("DefineConstants") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                AllowUnsafe: string.Equals(project.Property("AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase));
            var assemblies = project.References.Select(r => r.Include.Split(',')[0].Trim()).ToList();
            var result = Compile(project.Name, project.Path, sources, assemblies, dependencies, options);
            _projects.Add(project.Path, result);
            return result;
        }
    }

    /// <summary>Compiles sources against the named reference assemblies and earlier results, nothing else.</summary>
    public NanoFrameworkCompileResult Compile(string project, string projectFile, IReadOnlyList<(string Path, string Text)> sources,
        IReadOnlyList<string> assemblyReferences, IReadOnlyList<NanoFrameworkCompileResult> projectReferences, NanoFrameworkCompileOptions options)
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<NanoFrameworkCompileError>();
        var metadata = new List<MetadataReference>();
        foreach (string name in assemblyReferences)
        {
            if (References.Reference(name) is { } assembly) metadata.Add(assembly);
            else errors.Add(new NanoFrameworkCompileError(Relative(projectFile), 0, 0, "REFERENCE", name,
                $"no assembly named {name} in {NanoFrameworkReferenceAssemblies.FolderName}: add it there first (see its README)",
                $"{project} references assembly {name}"));
        }
        foreach (var dependency in projectReferences)
        {
            metadata.Add(dependency.Reference);
            if (dependency.Errors.Count > 0)
            {
                errors.Add(new NanoFrameworkCompileError(Relative(projectFile), 0, 0, "DEPENDENCY", dependency.Project,
                    $"{dependency.Project} has {dependency.Errors.Count} errors; this project cannot build until it compiles",
                    $"{project} references project {dependency.Project}"));
            }
        }

        var parse = new CSharpParseOptions(options.Language, preprocessorSymbols: options.Defines);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
        var compilation = CSharpCompilation.Create(options.Assembly, trees, metadata,
            new CSharpCompilationOptions(options.Kind, allowUnsafe: options.AllowUnsafe, deterministic: true));
        using var image = new MemoryStream();
        // Emit, not GetDiagnostics: lowering reports what only code generation finds (a member the
        // compiler needs that this mscorlib lacks).
        var emitted = compilation.Emit(image);
        var diagnostics = emitted.Diagnostics.Where(d => !d.IsSuppressed).ToList();
        var referenced = assemblyReferences.ToHashSet(StringComparer.Ordinal);
        errors.AddRange(diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => Describe(d, project, referenced)));
        MetadataReference reference = emitted.Success
            ? MetadataReference.CreateFromImage(image.ToArray())
            : compilation.ToMetadataReference();
        return new NanoFrameworkCompileResult(project, options.Assembly, sources.Count,
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning), clock.ElapsedMilliseconds, errors, reference);
    }

    private NanoFrameworkCompileError Describe(Diagnostic error, string project, IReadOnlyCollection<string> referenced)
    {
        var location = error.Location;
        var line = location.GetLineSpan();
        string api = location.SourceTree is { } tree ? tree.GetText().ToString(location.SourceSpan) : "";
        return new NanoFrameworkCompileError(Relative(line.Path), line.StartLinePosition.Line + 1, line.StartLinePosition.Character + 1,
            error.Id, api, NanoFrameworkErrorAdvice.For(error, api, project, References, referenced),
            error.GetMessage(CultureInfo.InvariantCulture));
    }

    private static string Relative(string path)
    {
        // Synthetic sources in tests have bare names; only real files are shown relative to the repository.
        if (!Path.IsPathRooted(path)) return path;
        string relative = Path.GetRelativePath(RepositoryRoot.FullPath, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
