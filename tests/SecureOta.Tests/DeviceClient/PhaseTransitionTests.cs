using SecureOta.Device.Core.Boot;

namespace SecureOta.Tests.DeviceClient;

/// <summary>The one transition table: exactly the update path, nothing that skips a check.</summary>
public sealed class PhaseTransitionTests
{
    private static readonly (UpdatePhase From, UpdatePhase To)[] Allowed =
    [
        (UpdatePhase.Idle, UpdatePhase.ManifestFetched),
        (UpdatePhase.Confirmed, UpdatePhase.ManifestFetched),
        (UpdatePhase.Reverted, UpdatePhase.ManifestFetched),
        (UpdatePhase.ManifestFetched, UpdatePhase.Verified),
        (UpdatePhase.ManifestFetched, UpdatePhase.Idle),
        (UpdatePhase.Verified, UpdatePhase.Downloading),
        (UpdatePhase.Verified, UpdatePhase.Idle),
        (UpdatePhase.Verified, UpdatePhase.ManifestFetched),
        (UpdatePhase.Downloading, UpdatePhase.Staged),
        (UpdatePhase.Downloading, UpdatePhase.ManifestFetched),
        (UpdatePhase.Staged, UpdatePhase.TrialPending),
        (UpdatePhase.TrialPending, UpdatePhase.Trial),
        (UpdatePhase.TrialPending, UpdatePhase.Reverted),
        (UpdatePhase.Trial, UpdatePhase.Trial),
        (UpdatePhase.Trial, UpdatePhase.Confirmed),
        (UpdatePhase.Trial, UpdatePhase.Reverted),
    ];

    [Fact]
    public void Table_allows_exactly_the_update_path()
    {
        var phases = Enum.GetValues<UpdatePhase>();
        foreach (UpdatePhase from in phases)
        {
            foreach (UpdatePhase to in phases)
                Assert.True(Allowed.Contains((from, to)) == PhaseTransitions.IsAllowed(from, to), $"{from} -> {to}");
        }
    }

    [Theory]
    [InlineData(UpdatePhase.Idle, UpdatePhase.TrialPending)]
    [InlineData(UpdatePhase.Downloading, UpdatePhase.TrialPending)]
    [InlineData(UpdatePhase.Verified, UpdatePhase.Staged)]
    [InlineData(UpdatePhase.TrialPending, UpdatePhase.Confirmed)]
    [InlineData(UpdatePhase.ManifestFetched, UpdatePhase.Downloading)]
    public void Illegal_transition_is_refused(UpdatePhase from, UpdatePhase to)
    {
        Assert.False(PhaseTransitions.IsAllowed(from, to));
    }

    [Fact]
    public void MoveTo_refuses_a_skipped_step_and_keeps_the_phase()
    {
        var state = new BootState();
        state.MoveTo(UpdatePhase.ManifestFetched);

        var error = Assert.Throws<InvalidOperationException>(() => state.MoveTo(UpdatePhase.Staged));

        Assert.Contains("ManifestFetched -> Staged", error.Message);
        Assert.Equal(UpdatePhase.ManifestFetched, state.Phase);
    }

    [Fact]
    public void Unknown_phase_values_are_not_phases()
    {
        Assert.False(PhaseTransitions.IsDefined(0));
        Assert.False(PhaseTransitions.IsDefined(10));
        Assert.All(Enum.GetValues<UpdatePhase>(), p => Assert.True(PhaseTransitions.IsDefined((int)p)));
        Assert.False(PhaseTransitions.IsAllowed((UpdatePhase)42, UpdatePhase.Idle));
    }
}
