using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Reports;
using SecureOta.Device.Host;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Reports;

/// <summary>The report queue's bounds and drop order, and its power-safe copies (docs/PROTOCOL.md section 11d.5).</summary>
public sealed class ReportQueueTests
{
    private static ReportEntry Outcome(int i) => new(ReportKind.VerificationFailed, "1.0." + i, "0.9.0", null, "C4", "test " + i, i);

    private static ReportEntry Heartbeat(int i) => new(ReportKind.Heartbeat, "0.9.0", "0.9.0", null, null, null, i);

    [Fact]
    public void Full_queue_drops_the_oldest_heartbeat_before_any_outcome()
    {
        var state = new ReportQueueState();
        state.Add(Outcome(0));
        state.Add(Heartbeat(1));
        for (int i = 2; i < ReportQueueState.Capacity; i++) state.Add(Outcome(i));
        Assert.Equal(ReportQueueState.Capacity, state.Count);

        state.Add(Outcome(99));

        Assert.Equal(ReportQueueState.Capacity, state.Count);
        Assert.All(Enumerable.Range(0, state.Count), i => Assert.True(state.Get(i).IsOutcome));
        Assert.Equal("1.0.0", state.Get(0).Version);
        Assert.Equal("1.0.99", state.Get(state.Count - 1).Version);
        Assert.Equal(0, state.Dropped);
    }

    [Fact]
    public void Queue_full_of_outcomes_drops_the_oldest_outcome_and_counts_the_drop()
    {
        var state = new ReportQueueState();
        for (int i = 0; i < ReportQueueState.Capacity; i++) state.Add(Outcome(i));

        state.Add(Outcome(100));
        state.Add(Outcome(101));

        Assert.Equal(ReportQueueState.Capacity, state.Count);
        Assert.Equal("1.0.2", state.Get(0).Version);
        Assert.Equal("1.0.101", state.Get(state.Count - 1).Version);
        Assert.Equal(2, state.Dropped);
    }

    [Fact]
    public void Heartbeat_never_displaces_an_outcome()
    {
        var state = new ReportQueueState();
        for (int i = 0; i < ReportQueueState.Capacity; i++) state.Add(Outcome(i));

        state.Add(Heartbeat(50));

        Assert.Equal(ReportQueueState.Capacity, state.Count);
        Assert.All(Enumerable.Range(0, state.Count), i => Assert.True(state.Get(i).IsOutcome));
        Assert.Equal(0, state.Dropped);
    }

    [Fact]
    public void A_new_heartbeat_replaces_the_queued_one()
    {
        var state = new ReportQueueState();
        state.Add(Heartbeat(1));
        state.Add(Outcome(2));
        state.Add(Heartbeat(3));

        Assert.Equal(2, state.Count);
        Assert.Equal(ReportKind.VerificationFailed, state.Get(0).Kind);
        Assert.Equal(3, state.Get(1).UptimeSeconds);
    }

    [Fact]
    public void Report_state_round_trips_through_its_two_copies()
    {
        var flash = new MemoryFileStore();
        var hmac = new DotNetHmacSha256();
        var store = new ReportQueueStore(flash, hmac);
        var state = new ReportQueueState { Counter = 41, Dropped = 3, Refused = 2, LastRefusal = 401 };
        state.SetKeys(Enumerable.Repeat((byte)7, 32).ToArray(), Enumerable.Repeat((byte)9, 32).ToArray());
        state.SetVersion(SlotId.B, Enumerable.Repeat((byte)5, 32).ToArray(), "1.2.3-rc.1+build");
        state.Add(new ReportEntry(ReportKind.TrialScheduled, "1.2.3", "1.2.2", ReportArtifacts.Delta, null, "why \"quoted\" \u00e9", -1));
        state.Add(Heartbeat(77));
        store.Save(state);
        store.Save(state);

        var loaded = new ReportQueueState();
        Assert.True(new ReportQueueStore(flash, hmac).Load(loaded));

        Assert.Equal(2, loaded.WriteSequence);
        Assert.Equal(41, loaded.Counter);
        Assert.Equal((3L, 2L, 401), (loaded.Dropped, loaded.Refused, loaded.LastRefusal));
        Assert.True(loaded.IsEnabled);
        Assert.Equal(state.MacKey, loaded.MacKey);
        Assert.Equal("1.2.3-rc.1+build", loaded.VersionIn(SlotId.B, Enumerable.Repeat((byte)5, 32).ToArray()));
        Assert.Null(loaded.VersionIn(SlotId.B, new byte[32]));
        Assert.Equal(2, loaded.Count);
        Assert.Equal(ReportArtifacts.Delta, loaded.Get(0).Artifact);
        Assert.Equal("why ?quoted? ?", loaded.Get(0).Reason);
        Assert.Equal(-1, loaded.Get(0).UptimeSeconds);
        Assert.Equal(ReportQueueCodec.EncodedSize, flash.Length(ReportQueueStore.Copy0Name));
    }

    [Fact]
    public void Torn_write_leaves_the_previous_report_state()
    {
        var flash = new MemoryFileStore();
        var hmac = new DotNetHmacSha256();
        var state = new ReportQueueState { Counter = 5 };
        new ReportQueueStore(flash, hmac).Save(state);

        var power = new PowerCutFileStore(flash);
        state.Counter = 6;
        power.CutAt = 2; // the write of the second copy tears
        Assert.Throws<PowerCutException>(() => new ReportQueueStore(power, hmac).Save(state));

        var loaded = new ReportQueueState();
        Assert.True(new ReportQueueStore(flash, hmac).Load(loaded));
        Assert.Equal(5, loaded.Counter);
    }

    [Fact]
    public void Damaged_copies_give_a_fresh_state()
    {
        var flash = new MemoryFileStore();
        var hmac = new DotNetHmacSha256();
        new ReportQueueStore(flash, hmac).Save(new ReportQueueState { Counter = 9 });
        var bytes = flash.Read(ReportQueueStore.Copy1Name);
        bytes[9 + 7] ^= 1;
        flash.Write(ReportQueueStore.Copy1Name, bytes);

        var loaded = new ReportQueueState { Counter = 123 };
        Assert.False(new ReportQueueStore(flash, hmac).Load(loaded));
        Assert.Equal(0, loaded.Counter);
        Assert.False(loaded.IsEnabled);
    }
}
