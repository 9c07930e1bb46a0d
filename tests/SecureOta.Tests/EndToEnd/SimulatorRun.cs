using SecureOta.Build.LocalServer;
using SecureOta.Build.Site;
using SecureOta.Device.Simulation;

namespace SecureOta.Tests.EndToEnd;

/// <summary>One in-process run of the simulator command: its exit code and what it printed.</summary>
internal sealed class SimulatorRun
{
    private SimulatorRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public string AllText => Output + Error;

    public static SimulatorRun Execute(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = SimulatorCommand.Run(args, output, error, RepositoryRoot.FullPath);
        return new SimulatorRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The arguments of a device of <paramref name="site"/> provisioned with 1.0.0 and the DEMO device key, plus <paramref name="extra"/>.</summary>
    public static string[] DemoDevice(EndToEndSiteFixture site, LocalSiteServer server, string stateDir, params string[] extra) =>
        [.. ProvisionedDevice(site, server, stateDir), "--device-key", site.DeviceKeyFile, .. extra];

    /// <summary>The same without a device key: the device generates its own at first boot.</summary>
    public static string[] ProvisionedDevice(EndToEndSiteFixture site, LocalSiteServer server, string stateDir) =>
    [
        "--site", server.UrlFor(SiteLayout.OtaBase).ToString(), "--ca", site.CaPemFile, "--state-dir", stateDir,
        "--root", site.RootV1File, "--image", EndToEndSiteFixture.ImageOf("1.0.0"), "--security-version", "1",
    ];

    public SimulatorRun AssertExitCode(SimulatorExitCode expected)
    {
        Assert.True(ExitCode == (int)expected, $"exit code {ExitCode}, expected {(int)expected}\n{AllText}");
        return this;
    }
}
