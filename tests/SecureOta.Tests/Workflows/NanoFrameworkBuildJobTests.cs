using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// CI builds the ESP32 device projects with nanoFramework's real toolchain on Windows, as
/// nanoFramework's own workflows do: its build components (nanobuild), MSBuild and NuGet on the path,
/// packages.config restore of the device solution, then msbuild of that solution. (The Roslyn compile
/// against nanoFramework's reference assemblies in tests/Esp32 is what runs here; this job cannot.)
/// </summary>
public sealed class NanoFrameworkBuildJobTests
{
    private const string Job = "nanoframework";
    private const string Solution = "SecureOta.Esp32.sln";

    [Fact]
    public void Ci_builds_the_device_solution_on_windows_after_installing_the_nanoFramework_toolchain()
    {
        var file = WorkflowFile.Load("ci.yml");
        var steps = file.Steps(Job).ToList();

        Assert.Equal("windows-latest", YamlNodes.ChildScalar(file.Job(Job), "runs-on"));
        var actions = steps.Select(s => YamlNodes.ChildScalar(s, "uses")?.Split('@')[0]).OfType<string>().ToList();
        Assert.Equal(["actions/checkout", "nanoframework/nanobuild", "microsoft/setup-msbuild", "NuGet/setup-nuget"], actions);
        int restore = Index(steps, $"nuget restore {Solution}");
        int build = Index(steps, $"msbuild {Solution} -p:Configuration=Release");
        int lastSetup = steps.FindLastIndex(s => YamlNodes.ChildScalar(s, "uses") != null);
        Assert.True(lastSetup < restore && restore < build, "set up the toolchain, then restore, then build");
        Assert.All(new[] { steps[restore], steps[build] }, step =>
        {
            string folder = YamlNodes.ChildScalar(step, "working-directory")!;
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.FullPath, folder, Solution)), $"{folder}/{Solution} does not exist");
        });
    }

    [Fact]
    public void The_build_job_holds_no_credential()
    {
        var job = WorkflowFile.Load("ci.yml").Job(Job);

        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" },
            YamlNodes.ScalarEntries(Assert.IsType<YamlMappingNode>(YamlNodes.Child(job, "permissions"))));
        // nanobuild asks GitHub's API for the extension's latest release; it works unauthenticated, so no token is handed over.
        Assert.DoesNotContain(YamlNodes.Scalars(job), s => s.Value.Contains("token", StringComparison.OrdinalIgnoreCase));
    }

    private static int Index(IReadOnlyList<YamlMappingNode> steps, string command)
    {
        int index = steps.ToList().FindIndex(s => ShellLines.Commands(YamlNodes.ChildScalar(s, "run") ?? "")
            .Any(line => line.StartsWith(command, StringComparison.Ordinal)));
        Assert.True(index >= 0, $"no step runs '{command}'");
        return index;
    }
}
