namespace SecureOta.Collector.Storage;

/// <summary>What happened to a report handed to the store.</summary>
public enum StoreStatus
{
    /// <summary>Stored; the device's last counter is now the report's (204).</summary>
    Stored,

    /// <summary>Not stored: the counter is not above the last one stored for the device (409).</summary>
    Replay,

    /// <summary>Not stored: the counter is more than <see cref="ReportStore.MaxCounterStep"/> above the last one (422).</summary>
    CounterJump,
}
