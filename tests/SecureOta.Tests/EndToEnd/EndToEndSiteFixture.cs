using SecureOta.Build.Keys;
using SecureOta.Build.LocalServer;
using SecureOta.Build.Site;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.EndToEnd;

/// <summary>
/// One site per test class, built by the real pipeline (a DEMO build of the repository's releases/,
/// issued now) into a temp folder, with the DEMO keys and the local TEST CA the DEMO root pins. Each
/// test starts (and stops) its own HTTPS server on 127.0.0.1 over this site.
/// </summary>
public sealed class EndToEndSiteFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public EndToEndSiteFixture()
    {
        SiteDir = _temp.Combine("site");
        DemoKeysDir = _temp.Combine("demo-keys");
        // Issued now, because the simulator command's device reads the host clock.
        PipelineRun.Execute(["--target=Default", $"--site-dir={SiteDir}", $"--demo-keys-dir={DemoKeysDir}",
            $"--now={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}"]).AssertSucceeded();
        Authority = TestCertificateAuthority.Load(new DemoKeyStore(DemoKeysDir).TestCertificateAuthorityDir);
    }

    public string SiteDir { get; }

    public string DemoKeysDir { get; }

    /// <summary>The TEST CA the DEMO root pins; its server certificate is what a trusted server presents.</summary>
    public TestCertificateAuthority Authority { get; }

    public string CaPemFile => Path.Combine(new DemoKeyStore(DemoKeysDir).TestCertificateAuthorityDir, TestCertificateAuthority.RootCertificateFile);

    public string DeviceKeyFile => Path.Combine(DemoKeysDir, DemoKeyStore.DeviceKeyFile);

    /// <summary>Root version 1 as the site publishes it: what the device is provisioned with.</summary>
    public string RootV1File => Path.Combine(SiteDir, SiteLayout.RootVersionFile(1));

    /// <summary>The image of a sample release (the fixture builds from the tests' sample releases).</summary>
    public static string ImageOf(string version) => SecureOta.Tests.Support.TestReleases.ImagePath(version);

    /// <summary>A fresh folder for one device's state.</summary>
    public string NewStateDir(string name) => Directory.CreateDirectory(_temp.Combine("devices", name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>Serves the site over HTTPS on 127.0.0.1 with the pinned TEST CA's server certificate.</summary>
    public Task<LocalSiteServer> StartTrustedServerAsync() => LocalSiteServer.StartHttpsAsync(SiteDir, Authority.ServerCertificate);

    public void Dispose()
    {
        Authority.Dispose();
        _temp.Dispose();
    }
}
