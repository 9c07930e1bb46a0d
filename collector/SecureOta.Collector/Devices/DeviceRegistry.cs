using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SecureOta.Collector.Crypto;

namespace SecureOta.Collector.Devices;

/// <summary>
/// The devices the collector accepts reports from: the device entries of the recipients file. The file
/// is re-read when its size or modification time changes (checked at most once per
/// <see cref="CheckInterval"/>, on the request path), so RemoveDevice takes effect without a restart. A
/// file that becomes unreadable or invalid fails closed: reports get 503 (devices keep them and retry)
/// and /healthz says why, until the file is fixed; the collector never guesses from a half-written file.
/// </summary>
public sealed class DeviceRegistry
{
    private readonly string _path;
    private readonly CollectorKey _collectorKey;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _reloadLock = new();
    private volatile Snapshot _snapshot;
    private long _nextCheckTicks;

    private sealed record Snapshot(IReadOnlyDictionary<string, KnownDevice> Devices, DateTime Modified, long Length, string? Problem);

    /// <summary>Loads the file once; throws <see cref="CollectorConfigurationException"/> when it is missing or invalid.</summary>
    public DeviceRegistry(string path, CollectorKey collectorKey, ILogger logger, TimeProvider time, TimeSpan checkInterval)
    {
        _path = path;
        _collectorKey = collectorKey;
        _logger = logger;
        _time = time;
        CheckInterval = checkInterval;
        if (!File.Exists(path))
            throw new CollectorConfigurationException($"The recipients file '{path}' does not exist (give --recipients=<file>, normally keys/recipients.json).");
        _snapshot = Load(new Dictionary<string, KnownDevice>());
        _nextCheckTicks = _time.GetTimestamp();
        if (_snapshot.Problem is not null) throw new CollectorConfigurationException(_snapshot.Problem);
    }

    public TimeSpan CheckInterval { get; }

    /// <summary>How many devices are registered now.</summary>
    public int Count => Current().Devices.Count;

    /// <summary>Why the registry is unusable (the file became invalid), or null when it is fine.</summary>
    public string? Problem => Current().Problem;

    /// <summary>The registered device with <paramref name="id"/>, or null when unknown or removed.</summary>
    public KnownDevice? Find(string id) => Current().Devices.GetValueOrDefault(id);

    private Snapshot Current()
    {
        long now = _time.GetTimestamp();
        if (now < Interlocked.Read(ref _nextCheckTicks)) return _snapshot;
        lock (_reloadLock)
        {
            if (now < _nextCheckTicks) return _snapshot;
            _nextCheckTicks = now + (long)(CheckInterval.TotalSeconds * _time.TimestampFrequency);
            var current = _snapshot;
            var info = new FileInfo(_path);
            bool exists = info.Exists;
            if (exists && info.LastWriteTimeUtc == current.Modified && info.Length == current.Length && current.Problem is null)
                return current;
            _snapshot = Load(current.Devices);
            return _snapshot;
        }
    }

    private Snapshot Load(IReadOnlyDictionary<string, KnownDevice> previous)
    {
        var info = new FileInfo(_path);
        try
        {
            var content = File.ReadAllBytes(_path);
            var devices = new Dictionary<string, KnownDevice>(StringComparer.Ordinal);
            foreach (var (name, publicKey) in RecipientsFile.ReadDevices(content, _path))
            {
                string id = Convert.ToHexStringLower(SHA256.HashData(publicKey));
                if (previous.TryGetValue(id, out var known))
                {
                    devices[id] = known with { Name = name };
                    continue;
                }

                var macKey = _collectorKey.DeriveMacKey(publicKey);
                if (macKey is null)
                {
                    _logger.LogWarning("Device '{Name}' has a low-order public key; its reports are refused.", name);
                    continue;
                }
                devices[id] = new KnownDevice(id, name, macKey);
            }

            if (previous.Count > 0 || devices.Count > 0)
                _logger.LogInformation("Loaded {Count} devices from {Path}.", devices.Count, _path);
            return new Snapshot(devices, info.LastWriteTimeUtc, info.Length, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CollectorConfigurationException)
        {
            string problem = e is CollectorConfigurationException
                ? e.Message
                : $"The recipients file '{_path}' cannot be read ({e.Message}); reports are answered 503 until it can.";
            _logger.LogError("{Problem}", problem);
            return new Snapshot(new Dictionary<string, KnownDevice>(), info.Exists ? info.LastWriteTimeUtc : default, info.Exists ? info.Length : -1, problem);
        }
    }
}
