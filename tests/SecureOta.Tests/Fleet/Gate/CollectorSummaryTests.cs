using System.Net;
using System.Net.Sockets;
using System.Text;
using SecureOta.Build.Frosting;
using SecureOta.Build.Gate;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>
/// Reading the collector's summary for the gate: the contract's shape, the bearer token, the size bound and
/// the deadline. A summary that cannot be had makes the gate hold and say why; it never fails the refresh.
/// </summary>
public sealed class CollectorSummaryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Reads_the_contracts_summary_shape()
    {
        var load = CollectorSummarySource.Load(GateFixtures.SummaryFile("reverting-1.2.0.json"), null, TimeSpan.FromSeconds(5), CollectorSummarySource.DefaultMaxBytes);

        var release = load.Summary!.Channel("stable")!.Release("1.2.0")!;
        Assert.Equal(new DeviceOutcomeCounts(10, 4, 5, 0, 1), release.Devices);
        Assert.Equal(2, release.FailureReasons.Count);
        Assert.Equal(96, load.Summary.Channel("stable")!.VersionsInField.Single(v => v.Key == "1.1.0").Value);
    }

    [Fact]
    public void Refuses_summary_over_size_bound()
    {
        var file = _temp.Combine("big.json");
        File.WriteAllText(file, File.ReadAllText(GateFixtures.SummaryFile("healthy-1.2.0.json")) + new string(' ', 2000));

        var load = CollectorSummarySource.Load(file, null, TimeSpan.FromSeconds(5), maxBytes: 1024);

        Assert.Null(load.Summary);
        Assert.Contains("over the 1024-byte bound", load.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_summary_over_size_bound_from_the_network_without_reading_it_all()
    {
        using var server = new OneShotServer(Encoding.UTF8.GetBytes("{\"spec\":1," + new string(' ', 100_000) + "}"), chunked: true);

        var load = CollectorSummarySource.Load(server.BaseUrl, "token", TimeSpan.FromSeconds(10), maxBytes: 4096);

        Assert.Null(load.Summary);
        Assert.Contains("over the 4096-byte bound", load.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Sends_the_token_as_bearer_to_v1_summary()
    {
        using var server = new OneShotServer(File.ReadAllBytes(GateFixtures.SummaryFile("healthy-1.2.0.json")), chunked: false);

        var load = CollectorSummarySource.Load(server.BaseUrl, "s3cret", TimeSpan.FromSeconds(10), CollectorSummarySource.DefaultMaxBytes);

        Assert.NotNull(load.Summary);
        Assert.StartsWith("GET /v1/summary HTTP/1.1", server.Request, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer s3cret", server.Request, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_without_token_and_never_sends_it_over_plain_http_to_another_host()
    {
        var noToken = CollectorSummarySource.Load("https://collector.invalid/", null, TimeSpan.FromSeconds(1), 4096);
        var plain = CollectorSummarySource.Load("http://collector.invalid/", "token", TimeSpan.FromSeconds(1), 4096);

        Assert.Contains(CollectorSummarySource.TokenVariable + " is not set", noToken.Problem, StringComparison.Ordinal);
        Assert.Contains("plain HTTP", plain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_when_the_collector_misses_the_deadline()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

        var load = CollectorSummarySource.Load(url, "token", TimeSpan.FromSeconds(1), 4096);

        Assert.Contains("did not answer within 1 s", load.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_summary_of_another_spec_naming_the_member()
    {
        var file = _temp.Combine("spec2.json");
        File.WriteAllText(file, """{"spec": 2, "generated": "2025-12-31T23:00:00Z", "channels": []}""");

        var load = CollectorSummarySource.Load(file, null, TimeSpan.FromSeconds(5), 4096);

        Assert.Contains("$.spec is 2", load.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_summary_file_is_a_command_line_mistake()
    {
        var exception = Assert.Throws<BuildException>(() => CollectorSummarySource.Load(_temp.Combine("none.json"), null, TimeSpan.FromSeconds(1), 4096));

        Assert.Equal(BuildErrorCode.InvalidArgument, exception.Code);
    }

    public void Dispose() => _temp.Dispose();
}
