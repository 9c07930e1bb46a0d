using System.Text;
using System.Text.Json;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Tests.Reports;

/// <summary>
/// A report transport that answers with scripted statuses (204 once the script is used up) and records
/// every POST: its headers, its body, and whatever <see cref="OnPost"/> observes at the moment the request
/// leaves (the flash, for the counter-before-send tests).
/// </summary>
public sealed class FakeCollector : IReportTransport
{
    private readonly Queue<int> _answers = new();

    public List<PostedReport> Posts { get; } = [];

    public TrustedCollector? Collector { get; private set; }

    /// <summary>Every POST fails as a network failure while set.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Runs as each request leaves, with its body's counter.</summary>
    public Action<long>? OnPost { get; set; }

    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    public void UseCollector(TrustedCollector collector) => Collector = collector;

    public int Post(string deviceId, string mac, byte[] body, int count, int timeoutMilliseconds)
    {
        Assert.NotNull(Collector);
        if (Unreachable) throw new TransportException("POST " + Collector.ReportsUrl + " failed: connection refused (test)");
        var text = Encoding.UTF8.GetString(body, 0, count);
        var posted = new PostedReport(deviceId, mac, text, JsonDocument.Parse(text).RootElement.Clone());
        OnPost?.Invoke(posted.Counter);
        Posts.Add(posted);
        return _answers.Count > 0 ? _answers.Dequeue() : 204;
    }
}
