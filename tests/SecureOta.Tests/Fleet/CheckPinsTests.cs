using SecureOta.Build.Frosting;
using SecureOta.Build.LocalServer;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The CheckPins monitor against a real HTTPS server on 127.0.0.1 serving a site signed with real keys
/// whose root pins one TEST CA: a server certificate from that CA passes, one from another TEST CA fails
/// as devices would, and manifests close to or past their expiry are reported.
/// </summary>
public sealed class CheckPinsTests : IAsyncLifetime
{
    private readonly FleetWorkspace _workspace = new();
    private readonly TestCertificateAuthority _pinned = TestCertificateAuthority.Create("SecureOta TEST pinned CA");
    private readonly TestCertificateAuthority _other = TestCertificateAuthority.Create("SecureOta TEST other CA");
    private readonly long _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private string _keysDir = "";
    private LocalSiteServer? _server;

    public async Task InitializeAsync()
    {
        string[] keyArguments;
        (_keysDir, keyArguments) = PinnedKeysFolder.Create(Path.Combine(_workspace.Root, "real"), _workspace.ReleasesDir, DateTimeOffset.FromUnixTimeSeconds(_now),
            _pinned.RootCertificatePem);
        _workspace.Run([$"--keys-dir={_keysDir}", .. keyArguments, $"--now={_now}"]).AssertSucceeded();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_site_whose_chain_ends_at_a_pinned_CA_and_serves_valid_manifests_passes()
    {
        var run = await CheckAsync(_pinned);

        run.AssertSucceeded();
        var output = run.Consoles.OutputText;
        Assert.True(output.Contains("ends at the pinned CA 'O=SecureOta TEST ONLY, CN=SecureOta TEST pinned CA'", StringComparison.Ordinal), output);
        Assert.Contains("root version 1", output, StringComparison.Ordinal);
        Assert.Contains("channels/stable.json", output, StringComparison.Ordinal);
        Assert.Contains("1.2.0 at 100 %, expires", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("EXPIRES SOON", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_whose_chain_left_the_pin_set_fails_and_says_which_CA_it_moved_to()
    {
        var run = await CheckAsync(_other);

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        var errors = run.Consoles.ErrorText;
        Assert.Contains("error [PinCheckFailed]", errors, StringComparison.Ordinal);
        Assert.Contains("outside the pinned set", errors, StringComparison.Ordinal);
        Assert.Contains("CN=SecureOta TEST other CA", errors, StringComparison.Ordinal);
        Assert.Contains("--target=ChangePinnedCAs", errors, StringComparison.Ordinal);
        Assert.Contains("not fetched: devices cannot connect to the site with these pins", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifests_within_the_warning_window_are_warned_about_and_annotated_in_GitHub_Actions()
    {
        var run = await CheckAsync(_pinned, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "--warn-days=10");

        run.AssertSucceeded();
        // beta manifests live 7 days, stable ones 14.
        Assert.Contains("::warning title=CheckPins channels/beta.json::1.2.0 at 100 %, expires", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.DoesNotContain("::warning title=CheckPins channels/stable.json", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chain_certificates_and_pinned_CAs_expiring_within_the_certificate_window_are_warned_about()
    {
        // The TEST server certificate lives 90 days, the TEST CAs and the root metadata 365.
        var leafOnly = await CheckAsync(_pinned, null, "--cert-warn-days=100");
        leafOnly.AssertSucceeded();
        Assert.Contains("CN=127.0.0.1 (TEST)' expires", leafOnly.Consoles.OutputText, StringComparison.Ordinal);
        Assert.DoesNotContain("pin its successor", leafOnly.Consoles.OutputText, StringComparison.Ordinal);
        await _server!.DisposeAsync();

        var all = await CheckAsync(_pinned, null, "--cert-warn-days=400");
        all.AssertSucceeded();
        Assert.Contains("pin its successor with ./build.sh --target=ChangePinnedCAs", all.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("root version 1: expires", all.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_manifest_fails_the_check_as_devices_would_refuse_it()
    {
        var run = await CheckAsync(_pinned, null, $"--now={_now + 8 * 86_400}");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        var errors = run.Consoles.ErrorText;
        Assert.Contains("error [LiveSiteCheckFailed]", errors, StringComparison.Ordinal);
        Assert.Contains("channels/beta.json: devices refuse it: C8", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("channels/stable.json: devices refuse it", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_root_the_DEMO_root_gives_the_pins_and_the_demo_site_passes()
    {
        using var demo = new FleetWorkspace();
        demo.Run($"--now={_now}").AssertSucceeded();
        using var authority = TestCertificateAuthority.Load(Path.Combine(demo.DemoKeysDir, SecureOta.Build.Keys.DemoKeyStore.TestCertificateAuthorityFolder));
        await using var server = await LocalSiteServer.StartHttpsAsync(demo.SiteDir, authority.ServerCertificate);

        var run = await Task.Run(() => demo.Run("--target=CheckPins", $"--url={server.BaseAddress}", $"--now={_now}"));

        run.AssertSucceeded();
        Assert.Contains("pinned by the DEMO root in", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("ends at the pinned CA 'O=SecureOta TEST ONLY, CN=" + TestCertificateAuthority.DefaultRootName + "'", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_root_or_a_DEMO_root_the_check_says_how_to_make_one()
    {
        var run = await Task.Run(() => _workspace.Run("--target=CheckPins", "--url=https://127.0.0.1:1/", $"--demo-keys-dir={Path.Combine(_workspace.Root, "none")}"));

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Contains("There is no root to take the pins from", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("--target=InitRoot", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_url_is_refused_as_a_command_line_error()
    {
        var run = await Task.Run(() => _workspace.Run("--target=CheckPins", "--url=http://127.0.0.1:1/", $"--keys-dir={_keysDir}"));

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains("is not an https URL of a site", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    private async Task<PipelineRun> CheckAsync(TestCertificateAuthority authority, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        _server = await LocalSiteServer.StartHttpsAsync(_workspace.SiteDir, authority.ServerCertificate);
        string[] args = ["--target=CheckPins", $"--url={_server.BaseAddress}", $"--keys-dir={_keysDir}", $"--now={_now}", .. extra];
        return await Task.Run(() => _workspace.Run(environment, args));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _pinned.Dispose();
        _other.Dispose();
        _workspace.Dispose();
    }
}
