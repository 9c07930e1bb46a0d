using SecureOta.Build.Frosting;

namespace SecureOta.Build.Releases;

/// <summary>Collects every problem found in the release inputs, each with its file shown relative to a base folder.</summary>
internal sealed class ProblemCollector
{
    private readonly List<BuildProblem> _problems = [];
    private readonly string _displayBase;

    public ProblemCollector(string displayBase)
    {
        _displayBase = Path.GetFullPath(displayBase);
    }

    public IReadOnlyList<BuildProblem> Problems => _problems;

    public void Add(string path, string message) => _problems.Add(new BuildProblem(Display(path), message));

    /// <summary>A reporter bound to one file, for code that checks a single file.</summary>
    public Action<string> For(string path) => message => Add(path, message);

    public string Display(string path) => Path.GetRelativePath(_displayBase, path).Replace('\\', '/');
}
