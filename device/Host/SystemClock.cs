using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host;

/// <summary>
/// The host's wall clock as the device's <see cref="IClock"/>: what SNTP gives an ESP32 once it is on the
/// network. Optionally shifted by a fixed offset, so a simulator can run "as of" another time (the
/// build time of a site built with <c>--now</c>) while time still passes.
/// </summary>
public sealed class SystemClock : IClock
{
    private readonly TimeProvider _time;
    private readonly long _offsetSeconds;

    /// <summary>The system clock, unshifted.</summary>
    public SystemClock()
        : this(TimeProvider.System, 0)
    {
    }

    /// <param name="time">Where "now" comes from (TimeProvider.System outside tests).</param>
    /// <param name="offsetSeconds">Added to every reading; negative runs the device in the past.</param>
    public SystemClock(TimeProvider time, long offsetSeconds)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _offsetSeconds = offsetSeconds;
    }

    /// <summary>A clock that reads <paramref name="start"/> now and advances with the system clock from here on.</summary>
    public static SystemClock StartingAt(DateTimeOffset start) =>
        new(TimeProvider.System, start.ToUnixTimeSeconds() - TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    public long UtcNowSeconds => _time.GetUtcNow().ToUnixTimeSeconds() + _offsetSeconds;

    /// <summary>The host's clock is kept by its own time service: synchronised, as an ESP32's is once SNTP answered.</summary>
    public bool IsSynchronized => true;

    /// <summary>The TimeProvider's timestamp counter, which never steps back when the wall clock is set.</summary>
    public long MonotonicMilliseconds => (long)(_time.GetTimestamp() * 1000.0 / _time.TimestampFrequency);
}
