using Xunit.Abstractions;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The device projects compile for nanoFramework: each .nfproj is compiled as its project file says
/// (Compile items, references resolved by assembly name to nanoFramework's reference assemblies in
/// ../shared/nanoframework-refs, LangVersion, no standard library) with Roslyn, here, in-process. A
/// type from a package the project does not reference is an error there even though the host build
/// finds it; the failure names the file, line, API and the package that provides it. This is the
/// authority on "compiles for nanoFramework"; the subset rules (tests/Subset) stay as a quick screen
/// that needs no reference assemblies. A clone without ../shared/nanoframework-refs (GitHub's checkout)
/// says so in the test output and checks nothing; CI's nanoframework job builds the projects there.
/// </summary>
public sealed class NanoFrameworkCompileTests(ITestOutputHelper output)
{
    private static readonly Lazy<NanoFrameworkCompiler?> SharedCompiler = new(() =>
        NanoFrameworkReferenceAssemblies.Shared is { } references ? new NanoFrameworkCompiler(references) : null);

    [Theory]
    [InlineData("Core/SecureOta.Device.Core.nfproj")]
    [InlineData("Platform/SecureOta.Device.Esp32.nfproj")]
    [InlineData("Loader/SecureOta.Esp32.Loader.nfproj")]
    [InlineData("SampleApp/SecureOta.Esp32.SampleApp.nfproj")]
    public void Device_project_compiles_against_nanoFramework_reference_assemblies_as_its_project_file_says(string project)
    {
        if (Compiler() is not { } compiler) return;

        var result = compiler.CompileProject(NanoFrameworkProject.Load(Path.Combine(PortableCode.Esp32Folder, project)));

        output.WriteLine(result.Report);
        Assert.True(result.Files > 0, $"{project} compiles no file");
        Assert.True(result.Errors.Count == 0, result.Report);
    }

    [Theory]
    [InlineData("class C { int M(int a, int b) { return System.Math.Min(a, b); } }", "Math", "System.Math", "System.Math", "nanoFramework.System.Math")]
    [InlineData("using System; class C { int M(int a, int b) { return Math.Min(a, b); } }", "Math", "System.Math", "System.Math", "nanoFramework.System.Math")]
    [InlineData("using System.IO; class C { void M(Stream s) { } }", "Stream", "System.IO.Stream", "System.IO.Streams", "nanoFramework.System.IO.Streams")]
    [InlineData("class C { void M(System.IO.Stream s) { } }", "Stream", "System.IO.Stream", "System.IO.Streams", "nanoFramework.System.IO.Streams")]
    [InlineData("using System.Collections; class C { Hashtable _t; }", "Hashtable", "System.Collections.Hashtable", "nanoFramework.System.Collections", "nanoFramework.System.Collections")]
    public void A_type_from_a_package_the_project_does_not_reference_fails_naming_the_api_and_that_package(
        string source, string api, string type, string assembly, string package)
    {
        if (Compiler() is not { } compiler) return;

        var result = Synthetic(compiler, source, "mscorlib");

        output.WriteLine(result.Report);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Synthetic.cs", error.File);
        Assert.Equal(1, error.Line);
        Assert.EndsWith(api, error.Api, StringComparison.Ordinal);
        Assert.Contains($"{type} is in {assembly}.dll, package {package}, which Synthetic.nfproj does not reference", error.ToString(), StringComparison.Ordinal);
        // The advice is the fix: with that package's assembly referenced, the same source compiles.
        Assert.Empty(Synthetic(compiler, source, "mscorlib", assembly).Errors);
    }

    [Fact]
    public void A_type_no_nanoFramework_package_provides_is_reported_as_missing_from_nanoFramework()
    {
        if (Compiler() is not { } compiler) return;

        var result = Synthetic(compiler, "class C { void M() { var r = new Regex(\"a\"); } }", "mscorlib", "nanoFramework.System.Text");

        output.WriteLine(result.Report);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Regex", error.Api);
        Assert.StartsWith("no nanoFramework assembly in nanoframework-refs defines a public type 'Regex'", error.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_the_folder_lacks_and_an_api_nanoFramework_lacks_are_errors()
    {
        if (Compiler() is not { } compiler) return;

        // string.Join(string, string[]) is in .NET's mscorlib, not in nanoFramework's.
        var result = Synthetic(compiler, "class C { string M(string[] s) { return string.Join(\",\", s); } }", "mscorlib", "nanoFramework.Json");

        output.WriteLine(result.Report);
        Assert.Collection(result.Errors,
            reference => Assert.Equal(("REFERENCE", "nanoFramework.Json"), (reference.Id, reference.Api)),
            missing => Assert.Equal(("CS0117", "Join"), (missing.Id, missing.Api.Split('.')[^1])));
    }

    [Fact]
    public void A_project_file_is_read_as_msbuild_does_and_a_failing_dependency_fails_its_dependents()
    {
        if (Compiler() is not { } shared) return;
        string root = Directory.CreateTempSubdirectory("nfcompile-").FullName;
        try
        {
            // Shared/ holds the linked sources; Shared/obj/ a stale file the Exclude drops.
            Write(root, "Shared/Sub/Helper.cs", "namespace Lib { public static class Helper { public static int Min(int a, int b) { return System.Math.Min(a, b); } } }");
            Write(root, "Shared/obj/Stale.cs", "this is not C#");
            Write(root, "Lib/Lib.nfproj", Project("Library", "Lib",
                """<Compile Include="..\Shared\**\*.cs" Exclude="..\Shared\bin\**;..\Shared\obj\**" Link="Shared\%(RecursiveDir)%(Filename)%(Extension)" />""",
                """<Reference Include="mscorlib"><HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>"""));
            Write(root, "App/Program.cs", "namespace App { public static class Program { public static void Main() { Lib.Helper.Min(1, 2); } } }");
            Write(root, "App/App.nfproj", Project("Exe", "App",
                """<Compile Include="Program.cs" /><ProjectReference Include="..\Lib\Lib.nfproj" />""",
                """<Reference Include="mscorlib"><HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>"""));
            Write(root, "Lib/packages.config", PackagesConfig);
            Write(root, "App/packages.config", PackagesConfig);
            var compiler = new NanoFrameworkCompiler(shared.References);

            var app = compiler.CompileProject(NanoFrameworkProject.Load(Path.Combine(root, "App", "App.nfproj")));
            var lib = compiler.CompileProject(NanoFrameworkProject.Load(Path.Combine(root, "Lib", "Lib.nfproj")));

            output.WriteLine(lib.Report + "\n" + app.Report);
            Assert.Equal(1, lib.Files);
            var math = Assert.Single(lib.Errors);
            Assert.EndsWith("Shared/Sub/Helper.cs", math.File, StringComparison.Ordinal);
            Assert.Contains("package nanoFramework.System.Math, which Lib.nfproj does not reference", math.Advice, StringComparison.Ordinal);
            // The application's own code is fine; it fails because its dependency does, and says so.
            var dependency = Assert.Single(app.Errors);
            Assert.Equal(("DEPENDENCY", "Lib.nfproj"), (dependency.Id, dependency.Api));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_shared_folder_without_nanoframework_refs_or_none_at_all_gives_no_compiler()
    {
        string shared = Directory.CreateTempSubdirectory("nfcompile-shared-").FullName;
        try
        {
            Assert.Null(NanoFrameworkReferenceAssemblies.Open(null));
            Assert.Null(NanoFrameworkReferenceAssemblies.Open(shared));
            Directory.CreateDirectory(Path.Combine(shared, NanoFrameworkReferenceAssemblies.FolderName));
            Assert.Null(NanoFrameworkReferenceAssemblies.Open(shared));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    [Fact]
    public void Every_reference_assembly_has_its_package_in_the_table()
    {
        if (Compiler() is not { } compiler) return;

        Assert.All(compiler.References.AssemblyNames, name =>
            Assert.True(NanoFrameworkReferenceAssemblies.PackageOfAssembly.ContainsKey(name), $"{name}.dll has no package in the table"));
    }

    [Fact]
    public void The_package_table_agrees_with_every_hint_path_of_the_device_projects()
    {
        var references = NanoFrameworkProject.All().SelectMany(p => p.References.Select(r => (Project: p.Name, r.Include, r.HintPath))).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            // ..\packages\<package>.<version>\lib\<assembly>.dll
            string[] parts = r.HintPath!.Split('\\');
            Assert.True(NanoFrameworkReferenceAssemblies.PackageOfAssembly.TryGetValue(r.Include, out string? package), $"{r.Project}: {r.Include} is not in the package table");
            Assert.StartsWith(package + ".", parts[^3], StringComparison.Ordinal);
            Assert.Equal(r.Include + ".dll", parts[^1]);
        });
    }

    private NanoFrameworkCompiler? Compiler()
    {
        if (SharedCompiler.Value is { } compiler) return compiler;
        output.WriteLine($"../shared/{NanoFrameworkReferenceAssemblies.FolderName} is absent (a clone without the shared folder): " +
            "nothing compiled for nanoFramework here; the GitHub workflow's nanoframework job builds the device projects with the real toolchain");
        return null;
    }

    private static NanoFrameworkCompileResult Synthetic(NanoFrameworkCompiler compiler, string source, params string[] assemblies) =>
        compiler.Compile("Synthetic.nfproj", "Synthetic.nfproj", [("Synthetic.cs", source)], assemblies, [],
            NanoFrameworkCompileOptions.Library("Synthetic"));

    private static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string PackagesConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <packages><package id="nanoFramework.CoreLibrary" version="1.17.11" targetFramework="netnano1.0" /></packages>
        """;

    private static string Project(string outputType, string assembly, string items, string references) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>
            <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
            <OutputType>{outputType}</OutputType>
            <AssemblyName>{assembly}</AssemblyName>
            <LangVersion>7.3</LangVersion>
          </PropertyGroup>
          <ItemGroup>{items}</ItemGroup>
          <ItemGroup>{references}</ItemGroup>
        </Project>
        """;
}
