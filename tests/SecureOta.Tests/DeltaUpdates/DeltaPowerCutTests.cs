using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// The power fails at every flash operation (each OpenWrite, Write, Flush and Delete) of an update by
/// delta patch. After each cut a fresh boot must run a checked image, and never the patch's output
/// unless it is on trial (the output's digest matched and the trial was stored); the next poll must
/// build the image from the patch again (it restarts from record 0) and the update must confirm.
/// </summary>
public sealed class DeltaPowerCutTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly TestSite _site = new();
    private readonly byte[] _factoryImage = TestSite.Image(6 * 4096 + 77, 81);
    private readonly byte[] _newImage;
    private readonly MemoryFileStore _provisioned;

    public DeltaPowerCutTests(ITestOutputHelper output)
    {
        _output = output;
        _newImage = EvolvedImage.Next(_factoryImage, 82);
        _site.Publish(_newImage, "2.0.0", 2, deltas: [TestDelta.Between(_factoryImage, _newImage, "1.0.0")]);
        using TestDevice device = NewDevice(new MemoryFileStore());
        device.Provision(_factoryImage);
        Assert.Equal(BootOutcome.RunConfirmed, device.Boot().Outcome);
        _provisioned = device.Flash;
    }

    public void Dispose() => _site.Dispose();

    private TestDevice NewDevice(MemoryFileStore flash) => new(_site, flash) { SaveEveryRecords = 1, MaxTrialBoots = 2 };

    [Fact]
    public void Power_cut_at_every_point_of_a_delta_update_leaves_a_checked_image_and_the_retry_completes_by_delta()
    {
        int points = CountOperations();
        for (int cut = 1; cut <= points; cut++)
        {
            string where = $"delta update, cut {cut} of {points}";
            using TestDevice device = NewDevice(_provisioned.Clone());
            var power = new PowerCutFileStore(device.Flash, cut);
            device.Files = power;
            Assert.Throws<PowerCutException>(() => device.Poll());
            power.RestorePower();

            BootDecision fresh = device.Boot();
            AssertRunsCheckedImage(device, fresh, where);
            Finish(device, fresh, where);
        }
        _output.WriteLine($"delta update: {points} cut points exercised, each followed by a fresh boot and a completed retry by delta");
        Assert.True(points >= 10, $"only {points} cut points");
    }

    private int CountOperations()
    {
        using TestDevice device = NewDevice(_provisioned.Clone());
        var counter = new PowerCutFileStore(device.Flash);
        device.Files = counter;
        UpdateReport report = device.Poll();
        Assert.True(report.InstalledByDelta, report.ToString());
        return counter.Operations;
    }

    /// <summary>The factory image on confirmed slot A, or the new image only when it is on trial.</summary>
    private void AssertRunsCheckedImage(TestDevice device, BootDecision decision, string where)
    {
        Assert.True(decision.ShouldRun, where + ": " + decision.Problem);
        byte[] running = device.SlotBytes(decision.Slot);
        if (running.SequenceEqual(_factoryImage))
        {
            Assert.True(decision.Slot == SlotId.A && decision.Outcome == BootOutcome.RunConfirmed, where + ": the factory image runs as " + decision.Outcome);
            return;
        }
        Assert.True(running.SequenceEqual(_newImage), where + ": the running slot holds neither image");
        Assert.True(decision.Outcome == BootOutcome.RunTrial, where + ": the patch's output runs without a trial: " + decision.Outcome);
    }

    /// <summary>Carries on as the device would: poll (by delta) until the new image is on trial, then confirm it.</summary>
    private void Finish(TestDevice device, BootDecision decision, string where)
    {
        if (decision.Outcome != BootOutcome.RunTrial)
        {
            UpdateReport report = device.Poll();
            Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, where + ": retried poll " + report);
            decision = device.Boot();
            Assert.True(decision.Outcome == BootOutcome.RunTrial, where + ": after the retried poll " + decision.Outcome);
        }
        Assert.Equal(ConfirmOutcome.Confirmed, device.Confirm());
        BootState end = device.State();
        Assert.True(end.Confirmed, where);
        Assert.Equal(_newImage, device.SlotBytes(end.ActiveSlot));
        Assert.Equal(2, end.InstalledSecurityVersion);
        Assert.Equal(_factoryImage, device.SlotBytes(BootState.Other(end.ActiveSlot)));
    }
}
