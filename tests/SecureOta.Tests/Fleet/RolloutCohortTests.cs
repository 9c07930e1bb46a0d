namespace SecureOta.Tests.Fleet;

/// <summary>
/// Staged rollouts over a simulated fleet of 20,000 random device ids, decided by the device core's
/// RolloutPolicy from verified manifests: the share matches the percent, widening keeps every device
/// that was in, and another release (or channel) samples other devices.
/// </summary>
public sealed class RolloutCohortTests : IDisposable
{
    private const int FleetSize = 20_000;
    private static readonly IReadOnlyList<byte[]> Fleet = DeviceRollout.Fleet(FleetSize, seed: 20_260_101);
    private readonly DeviceRollout _rollout = new();

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(90)]
    public void Percent_selects_its_share_of_the_fleet_within_five_standard_deviations(int percent)
    {
        var cohort = _rollout.Cohort(_rollout.Policy("stable", "1.2.0", percent), Fleet);

        // Each device is in with probability p (the bucket mod 100 is uniform to within 2^-25), so the
        // count is binomial; five standard deviations are missed by chance about once in 1.7 million.
        double p = percent / 100.0;
        double expected = FleetSize * p;
        double sigma = Math.Sqrt(FleetSize * p * (1 - p));
        Assert.InRange(cohort.Count, expected - 5 * sigma, expected + 5 * sigma);
    }

    [Fact]
    public void Zero_percent_selects_no_device_and_hundred_percent_every_device()
    {
        Assert.Empty(_rollout.Cohort(_rollout.Policy("stable", "1.2.0", 0), Fleet));
        Assert.Equal(FleetSize, _rollout.Cohort(_rollout.Policy("stable", "1.2.0", 100), Fleet).Count);
    }

    [Fact]
    public void Widening_the_rollout_keeps_every_device_that_was_in()
    {
        var cohorts = new[] { 1, 10, 25, 50, 100 }.Select(p => _rollout.Cohort(_rollout.Policy("stable", "1.2.0", p), Fleet)).ToList();

        for (int i = 1; i < cohorts.Count; i++)
        {
            Assert.Subset(cohorts[i], cohorts[i - 1]);
            Assert.True(cohorts[i].Count > cohorts[i - 1].Count);
        }
    }

    [Fact]
    public void A_device_decides_the_same_way_every_time_it_polls()
    {
        var first = _rollout.Cohort(_rollout.Policy("stable", "1.2.0", 10), Fleet);
        var again = _rollout.Cohort(_rollout.Policy("stable", "1.2.0", 10), Fleet);

        Assert.Equal(first, again);
    }

    [Fact]
    public void Different_releases_sample_different_devices()
    {
        var first = _rollout.Cohort(_rollout.Policy("stable", "1.2.0", 10), Fleet);
        var next = _rollout.Cohort(_rollout.Policy("stable", "1.3.0", 10), Fleet);

        // Independent 10 % samples overlap in about 1 % of the fleet (200 devices, sigma about 14);
        // the same sample would overlap in all of its about 2,000.
        var overlap = first.Intersect(next).Count();
        Assert.InRange(overlap, 200 - 5 * 14, 200 + 5 * 14);
    }

    [Fact]
    public void The_same_release_on_another_channel_samples_different_devices()
    {
        var stable = _rollout.Cohort(_rollout.Policy("stable", "1.2.0", 10), Fleet);
        var beta = _rollout.Cohort(_rollout.Policy("beta", "1.2.0", 10), Fleet);

        Assert.InRange(stable.Intersect(beta).Count(), 200 - 5 * 14, 200 + 5 * 14);
    }

    public void Dispose() => _rollout.Dispose();
}
