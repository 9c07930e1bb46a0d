using SecureOta.Build.Verification;

namespace SecureOta.Build.Context;

/// <summary>The result of verifying the written site, set by the Verify task.</summary>
public sealed partial class BuildContext
{
    private SiteVerificationReport? _siteVerification;

    /// <summary>True once Verify has run (whether or not the site passed).</summary>
    public bool HasSiteVerification => _siteVerification is not null;

    /// <summary>
    /// What Verify found. Reading it before Verify ran is a defect in the reading task:
    /// declare <c>[IsDependentOn(typeof(VerifyTask))]</c>.
    /// </summary>
    public SiteVerificationReport SiteVerification
    {
        get => _siteVerification ?? throw new InvalidOperationException(
            "The site has not been verified: the task reading the result must declare [IsDependentOn(typeof(VerifyTask))].");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _siteVerification = value;
        }
    }
}
