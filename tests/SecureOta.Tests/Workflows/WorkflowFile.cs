using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>One GitHub Actions workflow under .github/workflows, parsed with YamlDotNet.</summary>
internal sealed class WorkflowFile
{
    private WorkflowFile(string name, string text, YamlMappingNode root)
    {
        Name = name;
        Text = text;
        Root = root;
    }

    public string Name { get; }

    /// <summary>The raw text, for what the representation model drops (comments).</summary>
    public string Text { get; }

    public YamlMappingNode Root { get; }

    public static string Directory => Path.Combine(RepositoryRoot.FullPath, ".github", "workflows");

    /// <summary>File names of every workflow in the repository, for theories.</summary>
    public static IEnumerable<object[]> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.yml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name! });

    public static WorkflowFile Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(Directory, name));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = Assert.IsType<YamlMappingNode>(stream.Documents.Single().RootNode);
        return new WorkflowFile(name, text, root);
    }

    public YamlMappingNode Jobs => Assert.IsType<YamlMappingNode>(YamlNodes.Child(Root, "jobs"));

    public IReadOnlyList<string> JobNames => YamlNodes.Keys(Jobs);

    public YamlMappingNode Job(string name) =>
        YamlNodes.ChildMapping(Jobs, name) ?? throw new Xunit.Sdk.XunitException($"{Name} has no job '{name}'");

    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        YamlNodes.Child(Job(job), "steps") is YamlSequenceNode steps
            ? steps.Children.Cast<YamlMappingNode>().ToList()
            : [];

    /// <summary>Every step of every job, with its job's name.</summary>
    public IEnumerable<(string Job, YamlMappingNode Step)> AllSteps() =>
        JobNames.SelectMany(job => Steps(job).Select(step => (job, step)));

    /// <summary>Every `uses:` reference, of steps and of jobs that call reusable workflows.</summary>
    public IReadOnlyList<string> Uses()
    {
        var stepUses = AllSteps().Select(s => YamlNodes.ChildScalar(s.Step, "uses"));
        var jobUses = JobNames.Select(job => YamlNodes.ChildScalar(Job(job), "uses"));
        return stepUses.Concat(jobUses).OfType<string>().ToList();
    }

    /// <summary>Every command line of every `run:` script, in file order.</summary>
    public IReadOnlyList<string> RunCommands() =>
        AllSteps()
            .Select(s => YamlNodes.ChildScalar(s.Step, "run"))
            .OfType<string>()
            .SelectMany(ShellLines.Commands)
            .ToList();
}
