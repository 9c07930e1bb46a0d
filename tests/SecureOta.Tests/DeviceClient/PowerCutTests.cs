using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// The power fails at every single flash operation (each OpenWrite, Write, Flush and Delete) of a full
/// update with a root rotation, a trial boot, a confirmation and a revert. After each cut a fresh boot
/// (new objects over the same flash) must run a checked image, and carrying on (poll, boot, confirm)
/// must end with the new image confirmed, or the old one after a revert.
/// </summary>
public sealed class PowerCutTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly TestSite _site = new();
    private readonly byte[] _factoryImage = TestSite.Image(2 * 4096 + 77, 51);
    private readonly byte[] _newImage = TestSite.Image(5 * 4096 + 300, 52);
    private readonly byte[] _newImageDigest;
    private readonly MemoryFileStore _provisioned;

    public PowerCutTests(ITestOutputHelper output)
    {
        _output = output;
        _newImageDigest = new ChainedArtifactWriter().ComputeImageDigests(_newImage).ImageDigest;
        _site.RotateRoot();
        _site.Publish(_newImage, "2.0.0", 2);
        using TestDevice device = NewDevice(new MemoryFileStore());
        device.Provision(_factoryImage);
        Assert.Equal(BootOutcome.RunConfirmed, device.Boot().Outcome);
        _provisioned = device.Flash;
    }

    public void Dispose() => _site.Dispose();

    private TestDevice NewDevice(MemoryFileStore flash) => new(_site, flash) { SaveEveryRecords = 2, MaxTrialBoots = 2 };

    [Fact]
    public void Power_cut_at_every_point_of_a_full_update_leaves_a_bootable_device_that_completes_it()
    {
        int points = CutEverywhere("full update", _provisioned, device => device.Poll());

        Assert.True(points >= 25, $"only {points} cut points");
    }

    [Fact]
    public void Power_cut_at_every_point_of_a_trial_boot_still_boots_a_checked_image()
    {
        MemoryFileStore staged = Prepare(device => Assert.Equal(UpdateResult.TrialScheduled, device.Poll().Result));

        int points = CutEverywhere("trial boot", staged, device => device.Boot());

        Assert.True(points >= 3, $"only {points} cut points");
    }

    [Fact]
    public void Power_cut_at_every_point_of_a_confirm_keeps_running_the_new_image()
    {
        MemoryFileStore trial = Prepare(device =>
        {
            device.Poll();
            Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
        });

        int points = CutEverywhere("confirm", trial, device => device.Confirm());

        Assert.True(points >= 3, $"only {points} cut points");
    }

    [Fact]
    public void Power_cut_at_every_point_of_a_revert_falls_back_to_the_old_image()
    {
        MemoryFileStore exhausted = Prepare(device =>
        {
            device.Poll();
            Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
            Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
        });

        // One write reverts and records the rejected image together: a cut leaves either both or the exhausted trial.
        int points = CutEverywhere("revert", exhausted, device => device.Boot(), expectReverted: true, afterCut: (state, where) =>
            Assert.True(state.Phase == UpdatePhase.Reverted ? state.IsRejected(_newImageDigest) : state.IsTrialInProgress && !state.HasRejectedImage,
                where + ": phase " + state.Phase + ", rejected image recorded " + state.HasRejectedImage));

        Assert.True(points >= 3, $"only {points} cut points");
    }

    private MemoryFileStore Prepare(Action<TestDevice> steps)
    {
        using TestDevice device = NewDevice(_provisioned.Clone());
        steps(device);
        return device.Flash;
    }

    /// <summary>Runs <paramref name="operation"/> once per cut point from the same flash; returns the number of cut points.</summary>
    private int CutEverywhere(string name, MemoryFileStore start, Action<TestDevice> operation, bool expectReverted = false,
        Action<BootState, string>? afterCut = null)
    {
        int points = CountOperations(start, operation);
        for (int cut = 1; cut <= points; cut++)
        {
            using TestDevice device = NewDevice(start.Clone());
            BootState before = device.State();
            var power = new PowerCutFileStore(device.Flash, cut);
            device.Files = power;
            Assert.Throws<PowerCutException>(() => operation(device));
            power.RestorePower();

            AssertNothingAcceptedWasLost(before, device.State(), $"{name}, cut {cut} of {points}");
            afterCut?.Invoke(device.State(), $"{name}, cut {cut} of {points}");
            BootDecision fresh = device.Boot();
            AssertRunsCheckedImage(device, fresh, $"{name}, cut {cut} of {points}");
            Finish(device, fresh, expectReverted, $"{name}, cut {cut} of {points}");
        }
        _output.WriteLine($"{name}: {points} cut points exercised, each followed by a fresh boot and a completed retry");
        return points;
    }

    private int CountOperations(MemoryFileStore start, Action<TestDevice> operation)
    {
        using TestDevice device = NewDevice(start.Clone());
        var counter = new PowerCutFileStore(device.Flash);
        device.Files = counter;
        operation(device);
        return counter.Operations;
    }

    /// <summary>Rollback protection survives the cut: what the device had accepted before it is still accepted.</summary>
    private static void AssertNothingAcceptedWasLost(BootState before, BootState after, string where)
    {
        Assert.True(after.HighestSequence >= before.HighestSequence, where + ": highest sequence went back");
        Assert.True(after.LastIssued >= before.LastIssued, where + ": the clock floor went back");
        Assert.True(after.TrustedRootVersion >= before.TrustedRootVersion, where + ": the trusted root went back");
        Assert.True(after.InstalledSecurityVersion >= before.InstalledSecurityVersion, where + ": the installed security version went back");
    }

    private void AssertRunsCheckedImage(TestDevice device, BootDecision decision, string where)
    {
        Assert.True(decision.ShouldRun, where + ": " + decision.Problem);
        byte[] running = device.SlotBytes(decision.Slot);
        Assert.True(running.SequenceEqual(_factoryImage) || running.SequenceEqual(_newImage), where + ": the running slot holds neither image");
    }

    /// <summary>Carries on as the device would until the update is confirmed (or reverted), and checks the end state.</summary>
    private void Finish(TestDevice device, BootDecision decision, bool expectReverted, string where)
    {
        for (int step = 0; step < 6; step++)
        {
            if (decision.Outcome == BootOutcome.RunTrial)
            {
                if (expectReverted)
                {
                    decision = device.Boot();
                    continue;
                }
                Assert.Equal(ConfirmOutcome.Confirmed, device.Confirm());
                decision = device.Boot();
                continue;
            }
            BootState state = device.State();
            if (expectReverted || state.InstalledSecurityVersion == 2) break;
            UpdateReport report = device.Poll();
            Assert.True(report.Result == UpdateResult.TrialScheduled, where + ": retried poll " + report);
            decision = device.Boot();
            AssertRunsCheckedImage(device, decision, where + ", after the retried poll");
        }
        BootState end = device.State();
        byte[] expected = expectReverted ? _factoryImage : _newImage;
        Assert.True(end.Confirmed, where);
        Assert.Equal(expected, device.SlotBytes(end.ActiveSlot));
        Assert.Equal(expectReverted ? 1 : 2, end.InstalledSecurityVersion);
        Assert.Equal(2, end.TrustedRootVersion);
        // Only a reverted trial records its image as rejected; a confirmed update leaves nothing rejected.
        Assert.Equal(expectReverted, end.IsRejected(_newImageDigest));
        Assert.Equal(expectReverted, end.HasRejectedImage);
    }
}
