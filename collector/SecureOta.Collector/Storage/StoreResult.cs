namespace SecureOta.Collector.Storage;

/// <summary>The store's answer: what happened and the device's last stored counter afterwards (0: none yet).</summary>
public readonly record struct StoreResult(StoreStatus Status, long LastCounter);
