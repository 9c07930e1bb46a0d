using SecureOta.Build.LocalServer;
using SecureOta.Build.Site;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Simulation;

namespace SecureOta.Tests.EndToEnd;

/// <summary>
/// The simulator command against the site the real pipeline built, served over real HTTPS on
/// 127.0.0.1: a device provisioned with release 1.0.0 updates to 1.2.0 and confirms, or never confirms
/// and is reverted, and refuses a server outside its pinned CAs without touching anything.
/// </summary>
public sealed class SimulatorEndToEndTests : IClassFixture<EndToEndSiteFixture>
{
    private readonly EndToEndSiteFixture _site;

    public SimulatorEndToEndTests(EndToEndSiteFixture site) => _site = site;

    [Fact]
    public async Task Device_updates_from_1_0_0_to_1_2_0_over_https_by_delta_patch_boots_it_on_trial_and_confirms()
    {
        string stateDir = _site.NewStateDir("update");
        await using var server = await _site.StartTrustedServerAsync();
        var artifacts = Pipeline.SiteFiles.Manifest(_site.SiteDir, "stable").GetProperty("release").GetProperty("artifacts").EnumerateArray().ToList();
        string fullBlob = "/" + SiteLayout.OtaBase + artifacts[0].GetProperty("path").GetString();
        var patch = artifacts.Single(a => a.TryGetProperty("baseVersion", out var version) && version.GetString() == "1.0.0");
        string patchBlob = "/" + SiteLayout.OtaBase + patch.GetProperty("path").GetString();

        var run = SimulatorRun.Execute(SimulatorRun.DemoDevice(_site, server, stateDir)).AssertExitCode(SimulatorExitCode.Success);

        int patchSize = patch.GetProperty("size").GetInt32(), fullSize = artifacts[0].GetProperty("size").GetInt32();
        int records = (patch.GetProperty("plainSize").GetInt32() + 4095) / 4096;
        Assert.Contains(FormattableString.Invariant($"patch: the running image is the base of a {patchSize:N0}-byte delta from 1.0.0 (the full image has {fullSize:N0} bytes)"), run.Output, StringComparison.Ordinal);
        Assert.Contains($"download: {records}/{records} records (100%), each verified before it is decrypted and applied", run.Output, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"by delta from 1.0.0: {patchSize:N0} bytes instead of the {fullSize:N0}-byte full image, {fullSize - patchSize:N0} saved"), run.Output, StringComparison.Ordinal);
        Assert.Contains("release 1.2.0", run.Output, StringComparison.Ordinal);
        Assert.Contains("reboot: requested by the update client", run.Output, StringComparison.Ordinal);
        Assert.Contains($"boot 2: slot B on trial (boot 1 of 3): {SecureOta.Tests.Support.TestReleases.ProjectName} 1.2.0", run.Output, StringComparison.Ordinal);
        Assert.Contains("health check passed; confirmed", run.Output, StringComparison.Ordinal);
        var state = StoredDevice.ReadState(stateDir);
        Assert.Equal((UpdatePhase.Confirmed, SlotId.B, 2L), (state.Phase, state.ActiveSlot, state.InstalledSecurityVersion));
        Assert.Equal(File.ReadAllBytes(EndToEndSiteFixture.ImageOf("1.2.0")), StoredDevice.ReadSlot(stateDir, SlotId.B));
        Assert.Single(server.Requests, r => r.Path == patchBlob && r.StatusCode == 200);
        Assert.DoesNotContain(server.Requests, r => r.Path == fullBlob);
    }

    [Fact]
    public async Task App_that_never_confirms_is_reverted_after_three_trial_boots_and_the_release_is_not_fetched_again()
    {
        string stateDir = _site.NewStateDir("revert");
        await using var server = await _site.StartTrustedServerAsync();

        var run = SimulatorRun.Execute(SimulatorRun.DemoDevice(_site, server, stateDir, "--never-confirm")).AssertExitCode(SimulatorExitCode.Success);

        Assert.Contains("boot 4: slot B on trial (boot 3 of 3)", run.Output, StringComparison.Ordinal);
        Assert.Contains("boot 5: reverted: the image in slot B did not confirm within 3 boots", run.Output, StringComparison.Ordinal);
        Assert.Contains("poll 2: up to date: release 1.2.0", run.Output, StringComparison.Ordinal);
        var state = StoredDevice.ReadState(stateDir);
        Assert.Equal((UpdatePhase.Reverted, SlotId.A, 1L), (state.Phase, state.ActiveSlot, state.InstalledSecurityVersion));
        Assert.False(state.Image(SlotId.B).IsPresent);
        Assert.Equal(File.ReadAllBytes(EndToEndSiteFixture.ImageOf("1.0.0")), StoredDevice.ReadSlot(stateDir, SlotId.A));
        Assert.Single(server.Requests, r => r.Path.StartsWith("/ota/v2/blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Device_refuses_a_server_whose_certificate_chains_to_a_ca_outside_the_pin_set_and_changes_nothing()
    {
        string stateDir = _site.NewStateDir("impostor");
        await using (var trusted = await _site.StartTrustedServerAsync())
        {
            // Provision and boot only: no request, so the device is exactly as shipped.
            SimulatorRun.Execute(SimulatorRun.DemoDevice(_site, trusted, stateDir, "--polls", "0")).AssertExitCode(SimulatorExitCode.Success);
            Assert.Empty(trusted.Requests);
        }
        var before = StoredDevice.Snapshot(stateDir);
        using var impostor = TestCertificateAuthority.Create("SecureOta TEST impostor root CA");
        await using var server = await LocalSiteServer.StartHttpsAsync(_site.SiteDir, impostor.ServerCertificate);

        var run = SimulatorRun.Execute(SimulatorRun.DemoDevice(_site, server, stateDir, "--polls", "1")).AssertExitCode(SimulatorExitCode.DeviceFailed);

        Assert.Contains("TransportFailed", run.Output, StringComparison.Ordinal);
        Assert.Contains("outside the pinned set", run.Output, StringComparison.Ordinal);
        Assert.Contains("error [DeviceFailed]", run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        var after = StoredDevice.Snapshot(stateDir);
        // The only new files are derived copies the poll wrote when it loaded root 1: its cached form and the prepared
        // tables of its approval and release keys, built from the root's split points (PROTOCOL.md section 11b).
        Assert.True(SecureOta.Device.Core.Trust.RootVerifier.TryLoadTrusted(before[TrustedRootStore.FileName(1)], out var root1, out _));
        var tables = new[] { root1.ApprovalRole, root1.ReleaseRole }
            .SelectMany(role => Enumerable.Range(0, role.KeyCount).Select(i => SecureOta.Device.Core.KeyTables.PreparedKeyStore.FileName(role.GetPublicKey(i))));
        Assert.Equal(before.Keys.Append(TrustedRootStore.CacheFileName(1)).Concat(tables).Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        var state = StoredDevice.ReadState(stateDir);
        Assert.Equal((UpdatePhase.Idle, SlotId.A, 0L), (state.Phase, state.ActiveSlot, state.HighestSequence));
    }

    [Fact]
    public async Task Polls_after_the_first_on_a_boot_are_conditional_and_each_costs_one_304()
    {
        string stateDir = _site.NewStateDir("polls");
        await using var server = await _site.StartTrustedServerAsync();
        SimulatorRun.Execute(SimulatorRun.DemoDevice(_site, server, stateDir)).AssertExitCode(SimulatorExitCode.Success);
        int before = server.Requests.Count;

        var run = SimulatorRun.Execute(SimulatorRun.DemoDevice(_site, server, stateDir, "--polls", "3")).AssertExitCode(SimulatorExitCode.Success);

        Assert.Contains("already provisioned", run.Output, StringComparison.Ordinal);
        var requests = server.Requests.Skip(before).ToList();
        var channel = "/" + SiteLayout.ChannelFile("stable");
        // After a reboot the ETag is gone (RAM): the first poll fetches the manifest and walks the roots, the next two cost a 304 each.
        Assert.Equal([(channel, 200), ("/" + SiteLayout.RootVersionFile(2), 404), (channel, 304), (channel, 304)],
            requests.Select(r => (r.Path, r.StatusCode)));
        Assert.All(requests.Where(r => r.StatusCode == 304), r => Assert.NotNull(r.IfNoneMatch));
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.Contains("up to date (304 Not Modified)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Device_without_a_registered_key_prints_its_recipient_id_and_installs_nothing()
    {
        string stateDir = _site.NewStateDir("unregistered");
        await using var server = await _site.StartTrustedServerAsync();
        var args = SimulatorRun.ProvisionedDevice(_site, server, stateDir);

        var run = SimulatorRun.Execute(args).AssertExitCode(SimulatorExitCode.DeviceFailed);

        string recipientId = run.Output.Split('\n').Single(l => l.TrimStart().StartsWith("recipient id ", StringComparison.Ordinal)).Trim()["recipient id ".Length..];
        Assert.Matches("^[0-9a-f]{64}$", recipientId);
        Assert.Contains("\"kind\": \"device\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("NoKeyForDevice", run.Output, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Path.EndsWith("/" + recipientId, StringComparison.Ordinal) && r.StatusCode == 404);
        var state = StoredDevice.ReadState(stateDir);
        Assert.Equal((SlotId.A, 0L), (state.ActiveSlot, state.Image(SlotId.B).Length));

        var again = SimulatorRun.Execute([.. args, "--polls", "0"]).AssertExitCode(SimulatorExitCode.Success);
        Assert.Contains("key: device.key in the state folder; recipient id " + recipientId, again.Output, StringComparison.Ordinal);
    }
}
