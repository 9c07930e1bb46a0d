using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>Assertions on a verification report that show every problem when they fail.</summary>
internal static class SiteAssert
{
    public static void Verified(SiteVerificationReport report) =>
        Assert.True(report.Succeeded, "expected no problems, got:\n" + Describe(report));

    /// <summary>A problem with <paramref name="otaPath"/> (a protocol path) found by exactly <paramref name="step"/>.</summary>
    public static SiteProblem HasProblem(SiteVerificationReport report, string otaPath, string step)
    {
        var file = OtaPaths.OtaBase + otaPath;
        var problem = report.Problems.FirstOrDefault(p => p.File == file && p.Step == step);
        Assert.True(problem is not null, $"expected {step} on {file}, got:\n" + Describe(report));
        return problem!;
    }

    /// <summary>Every problem names <paramref name="otaPath"/>: the tampering is not blamed on other files.</summary>
    public static void OnlyFile(SiteVerificationReport report, string otaPath)
    {
        var file = OtaPaths.OtaBase + otaPath;
        Assert.True(report.Problems.Count > 0 && report.Problems.All(p => p.File == file),
            $"expected problems with {file} only, got:\n" + Describe(report));
    }

    private static string Describe(SiteVerificationReport report) =>
        report.Problems.Count == 0 ? "(none)" : string.Join("\n", report.Problems);
}
