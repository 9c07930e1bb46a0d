using Spectre.Console;
using Spectre.Console.Rendering;

namespace SecureOta.Build.Frosting;

/// <summary>Prints <c>--help</c> (usage, options, tasks) and <c>--tree</c> (dependency trees).</summary>
internal static class HelpPrinter
{
    public static void PrintHelp(IAnsiConsole console, TaskCatalog catalog)
    {
        console.WriteLine("Usage: ./build.sh [--target=<task>] [--verbosity=<level>] [--<name>=<value> ...]");
        console.WriteLine();
        var options = new Table().Border(TableBorder.None).HideHeaders().AddColumn("Option").AddColumn("Meaning");
        AddOption(options, "--target, -t <task>", $"Task to run with its dependencies (default: {HostOptions.DefaultTarget}).");
        AddOption(options, "--verbosity, -v <level>", "quiet, minimal, normal (default), verbose or diagnostic.");
        AddOption(options, "--exclusive, -e", "Run only the target, not its dependencies.");
        AddOption(options, "--dryrun", "Print the tasks that would run, in order, and stop.");
        AddOption(options, "--tree", "Print each task's dependency tree.");
        AddOption(options, "--help, -h", "Print this help.");
        AddOption(options, "--<name>=<value>", "Passed to the tasks (for example --root, --now, --all).");
        console.Write(options);
        console.WriteLine();
        console.WriteLine("Exit codes: 0 success, 1 a task failed, 2 bad command line, 3 unexpected error.");
        console.WriteLine();

        var tasks = new Table().Border(TableBorder.Simple).AddColumn("Task").AddColumn("Description").AddColumn("Depends on");
        foreach (var task in catalog.Tasks)
        {
            tasks.AddRow(
                new Text(task.Name),
                new Text(task.Description),
                new Text(string.Join(", ", catalog.DependenciesOf(task).Select(d => d.Name))));
        }

        console.Write(tasks);
    }

    /// <summary>The tree under <paramref name="target"/>, or under every task nothing depends on.</summary>
    public static void PrintTree(IAnsiConsole console, TaskCatalog catalog, TaskDefinition? target)
    {
        IEnumerable<TaskDefinition> roots;
        if (target is not null)
        {
            roots = [target];
        }
        else
        {
            var dependedOn = catalog.Tasks.SelectMany(catalog.DependenciesOf).ToHashSet();
            roots = catalog.Tasks.Where(t => !dependedOn.Contains(t));
        }

        foreach (var root in roots)
        {
            var tree = new Tree(Label(root));
            AddChildren(catalog, root, tree.AddNode);
            console.Write(tree);
        }
    }

    private static void AddChildren(TaskCatalog catalog, TaskDefinition task, Func<IRenderable, TreeNode> addNode)
    {
        // The catalog rejects cycles, so this recursion ends.
        foreach (var dependency in catalog.DependenciesOf(task))
        {
            var node = addNode(Label(dependency));
            AddChildren(catalog, dependency, node.AddNode);
        }
    }

    private static Text Label(TaskDefinition task) =>
        new(task.Description.Length == 0 ? task.Name : $"{task.Name} - {task.Description}");

    private static void AddOption(Table table, string option, string meaning) =>
        table.AddRow(new Text(option), new Text(meaning));
}
