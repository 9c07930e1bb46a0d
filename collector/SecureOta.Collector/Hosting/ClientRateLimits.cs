using System.Threading.RateLimiting;

namespace SecureOta.Collector.Hosting;

/// <summary>
/// Token buckets per client address (checked first, before any work) and per device (checked after the
/// MAC, so a forger cannot use up a real device's allowance). Idle buckets are dropped by the
/// partitioned limiter. A refusal carries the time until a token returns, for Retry-After.
/// </summary>
public sealed class ClientRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _addresses;
    private readonly PartitionedRateLimiter<string>? _devices;

    public ClientRateLimits(int addressRequestsPerMinute, int deviceReportsPerMinute)
    {
        _addresses = Create(addressRequestsPerMinute);
        _devices = Create(deviceReportsPerMinute);
    }

    /// <summary>Null when the address may go on, else how long it should wait.</summary>
    public TimeSpan? TryAddress(string address) => TryAcquire(_addresses, address);

    /// <summary>Null when the device may go on, else how long it should wait.</summary>
    public TimeSpan? TryDevice(string deviceId) => TryAcquire(_devices, deviceId);

    private static TimeSpan? TryAcquire(PartitionedRateLimiter<string>? limiter, string key)
    {
        if (limiter is null) return null;
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait) ? wait : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string>? Create(int perMinute)
    {
        if (perMinute <= 0) return null;
        // Refill in small steps rather than once a minute, so a device that paused gets going again soon;
        // the replenishment timer runs every 100 ms, so no step is shorter than that.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks / perMinute, TimeSpan.FromMilliseconds(100).Ticks));
        int perPeriod = (int)Math.Max(1, Math.Round(perMinute * period.TotalMinutes));
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public void Dispose()
    {
        _addresses?.Dispose();
        _devices?.Dispose();
    }
}
