using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>
/// Collects the problems of one verification run, each naming its file relative to the site folder.
/// Checks keep going after a problem where that makes sense, so one run reports them all; a problem
/// reached twice (two channels naming one release) is kept once.
/// </summary>
internal sealed class ProblemLog
{
    private readonly List<SiteProblem> _problems = [];
    private readonly HashSet<SiteProblem> _seen = [];

    public IReadOnlyList<SiteProblem> Problems => _problems;

    public int Count => _problems.Count;

    /// <summary>A problem with <paramref name="otaPath"/>, a path relative to <see cref="OtaPaths.OtaBase"/>.</summary>
    public void Add(string otaPath, string step, string reason)
    {
        var problem = new SiteProblem(OtaPaths.OtaBase + otaPath, step, reason);
        if (_seen.Add(problem)) _problems.Add(problem);
    }

    /// <summary>A failure of the device core's own checks, reported under its step id.</summary>
    public void Add(string otaPath, VerificationFailure failure, string? stepSuffix = null) =>
        Add(otaPath, failure.Step + stepSuffix, $"{VerificationFailure.ErrorName(failure.Error)}: {failure.Message}");
}
