using System.Text;

namespace SecureOta.Build.Frosting;

/// <summary>
/// A failure the user can act on: a <see cref="Code"/>, what is wrong (<see cref="Problem"/>, with
/// optional per-file <see cref="Details"/>) and what to do about it (<see cref="Remedy"/>).
/// The host prints these without a stack trace. Anything else thrown from a task is treated as a
/// defect (<see cref="ExitCode.UnexpectedError"/>).
/// </summary>
public sealed class BuildException : Exception
{
    public BuildException(BuildErrorCode code, string problem, string remedy, Exception? innerException = null)
        : this(code, problem, remedy, [], innerException)
    {
    }

    public BuildException(
        BuildErrorCode code,
        string problem,
        string remedy,
        IReadOnlyList<BuildProblem> details,
        Exception? innerException = null)
        : base(Compose(problem, remedy, details), innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        ArgumentException.ThrowIfNullOrWhiteSpace(remedy);
        Code = code;
        Problem = problem;
        Remedy = remedy;
        Details = [.. details];
    }

    public BuildErrorCode Code { get; }

    /// <summary>What is wrong, in one sentence.</summary>
    public string Problem { get; }

    /// <summary>What to do about it.</summary>
    public string Remedy { get; }

    /// <summary>Every individual problem, each naming its file; empty for a single-cause failure.</summary>
    public IReadOnlyList<BuildProblem> Details { get; }

    /// <summary>True for failures caused by how the program was invoked rather than by its inputs.</summary>
    public bool IsCommandLineError => Code is BuildErrorCode.InvalidArgument
        or BuildErrorCode.UnknownTarget
        or BuildErrorCode.RepositoryNotFound
        or BuildErrorCode.InvalidEnvironmentVariable;

    private static string Compose(string problem, string remedy, IReadOnlyList<BuildProblem> details)
    {
        var text = new StringBuilder(problem);
        foreach (var detail in details)
        {
            text.Append('\n').Append("  ").Append(detail);
        }

        return text.Append('\n').Append(remedy).ToString();
    }
}
