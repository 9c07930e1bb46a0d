namespace SecureOta.Tests.Esp32;

/// <summary>
/// The nanoFramework projects cannot be built here (no nanoFramework toolchain on Linux), so their
/// project files are checked instead: every compiled file exists and every source is compiled, the
/// shared core assembly compiles exactly device/Core, project references resolve, the solution lists
/// every project, and each package reference is one the device facts allow, at the version they name.
/// </summary>
public sealed class NanoFrameworkProjectTests
{
    [Fact]
    public void Every_compile_item_of_every_project_exists()
    {
        var projects = NanoFrameworkProject.All();
        Assert.Equal(4, projects.Count);

        foreach (var project in projects)
        {
            Assert.NotEmpty(project.Compile);
            foreach (var item in project.Compile)
            {
                var files = project.Expand(item);
                Assert.True(files.Count > 0, $"{project.Name}: {item.Include} matches no file");
                Assert.All(files, file => Assert.True(File.Exists(file), $"{project.Name}: {file} does not exist"));
            }
        }
    }

    [Fact]
    public void Every_source_in_a_project_folder_is_compiled_by_its_project()
    {
        foreach (var project in NanoFrameworkProject.All())
        {
            var compiled = project.Compile.SelectMany(project.Expand).ToHashSet(StringComparer.Ordinal);
            var sources = Directory.EnumerateFiles(project.Folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(path));

            Assert.All(sources, source => Assert.True(compiled.Contains(source), $"{project.Name} does not compile {source}"));
        }
    }

    [Fact]
    public void The_shared_core_assembly_compiles_exactly_the_portable_core_linked_not_copied()
    {
        var core = NanoFrameworkProject.All().Single(p => p.Name == "SecureOta.Device.Core.nfproj");
        string coreFolder = Path.Combine(RepositoryRoot.FullPath, "device", "Core");
        var expected = Directory.EnumerateFiles(coreFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Append(Path.Combine(core.Folder, "Properties", "AssemblyInfo.cs"))
            .Order(StringComparer.Ordinal);

        var compiled = core.Compile.SelectMany(core.Expand).Order(StringComparer.Ordinal);

        Assert.Equal(expected, compiled);
        // Linked, not copied: the project folder holds no copy of a core source.
        Assert.DoesNotContain(Directory.EnumerateFiles(core.Folder, "*.cs", SearchOption.AllDirectories),
            path => !path.EndsWith(Path.Combine("Properties", "AssemblyInfo.cs"), StringComparison.Ordinal));
        Assert.Contains(core.Compile, item => item.Link != null && item.Include.Contains("**", StringComparison.Ordinal));
    }

    [Fact]
    public void Project_references_resolve_and_only_the_loader_is_an_application()
    {
        var projects = NanoFrameworkProject.All();
        foreach (var project in projects)
        {
            Assert.All(project.ProjectReferences, reference =>
                Assert.True(File.Exists(Path.Combine(project.Folder, reference)), $"{project.Name}: {reference} does not exist"));
        }
        // The firmware starts the one deployed executable; application images are libraries the loader starts.
        Assert.Equal(["SecureOta.Esp32.Loader.nfproj"], projects.Where(p => p.OutputType == "Exe").Select(p => p.Name));
    }

    [Fact]
    public void The_solution_lists_every_project()
    {
        string solution = File.ReadAllText(Path.Combine(PortableCode.Esp32Folder, "SecureOta.Esp32.sln"));
        var listed = solution.Split('\n')
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal))
            .Select(line => line.Split('"')[5].Replace('\\', Path.DirectorySeparatorChar))
            .Select(relative => Path.GetFullPath(Path.Combine(PortableCode.Esp32Folder, relative)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(NanoFrameworkProject.All().Select(p => p.Path), listed);
    }

    [Fact]
    public void Assembly_references_point_at_the_packages_each_project_restores()
    {
        foreach (var project in NanoFrameworkProject.All())
        {
            var referenced = project.HintPaths
                .Select(hint => hint.Split('\\'))
                .Select(parts =>
                {
                    Assert.True(parts is [.., "..", "packages", _, "lib", _], $"{project.Name}: unexpected HintPath {string.Join('\\', parts)}");
                    return parts[^3];
                })
                .Order(StringComparer.Ordinal);

            Assert.Equal(project.Packages.Select(p => p.Id + "." + p.Version).Order(StringComparer.Ordinal), referenced);
        }
    }

    private static bool IsBuildOutput(string path)
    {
        var segments = path.Split(Path.DirectorySeparatorChar);
        return segments.Contains("bin") || segments.Contains("obj");
    }
}
