using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureOta.Collector.Crypto;
using SecureOta.Collector.Hosting;

namespace SecureOta.Collector.Tests.Support;

/// <summary>
/// One collector for one test, built from scratch: a temp dir, a new collector key, new device keys in
/// a recipients file of the real format, a fresh database of the given backend, and the collector
/// running on a free loopback port with an HttpClient pointed at it.
/// </summary>
public sealed class TestCollector : IAsyncDisposable
{
    public const string Token = "test-summary-token-0123456789abcdef";

    private readonly TestDatabase _database;
    private readonly CollectorHost _host;

    private TestCollector(string directory, TestDatabase database, CollectorHost host, byte[] collectorPublicKey, List<TestDevice> devices)
    {
        WorkDirectory = directory;
        _database = database;
        _host = host;
        CollectorPublicKey = collectorPublicKey;
        Devices = devices;
        Http = new HttpClient { BaseAddress = host.BaseUrl };
    }

    public string WorkDirectory { get; }

    public byte[] CollectorPublicKey { get; }

    public List<TestDevice> Devices { get; }

    public HttpClient Http { get; }

    public CollectorHost Host => _host;

    public string RecipientsPath => Path.Combine(WorkDirectory, "recipients.json");

    public static async Task<TestCollector> StartAsync(string backend, int devices = 3, Func<CollectorOptions, CollectorOptions>? configure = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "secureota-collector-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var privateKey = RandomNumberGenerator.GetBytes(32);
        byte[] collectorPublic;
        using (var key = CollectorKey.FromPrivateKey(privateKey)) collectorPublic = key.PublicKey;
        var deviceList = Enumerable.Range(1, devices).Select(i => new TestDevice($"device-{i}", collectorPublic)).ToList();
        WriteRecipients(Path.Combine(directory, "recipients.json"), deviceList);

        var database = await TestDatabase.CreateAsync(backend, directory);
        var options = new CollectorOptions
        {
            RecipientsPath = Path.Combine(directory, "recipients.json"),
            PrivateKey = privateKey,
            Database = database.Setting,
            SummaryToken = Token,
            Urls = "http://127.0.0.1:0",
            RecipientsCheckInterval = TimeSpan.Zero,
            DeviceReportsPerMinute = 0,
            AddressRequestsPerMinute = 0,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        };
        var host = await CollectorHost.StartAsync(configure?.Invoke(options) ?? options);
        return new TestCollector(directory, database, host, collectorPublic, deviceList);
    }

    /// <summary>Writes the recipients file as the build does: the devices, plus a fleet key that must never count as a device.</summary>
    public static void WriteRecipients(string path, IEnumerable<TestDevice> devices)
    {
        var text = new StringBuilder("{\n  \"recipients\": [\n");
        foreach (var device in devices)
            text.Append($"    {{\"name\": \"{device.Name}\", \"kind\": \"device\", \"publicKey\": \"{Convert.ToHexStringLower(device.PublicKey)}\"}},\n");
        text.Append($"    {{\"name\": \"fleet\", \"kind\": \"fleet\", \"publicKey\": \"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}\"}}\n  ]\n}}\n");
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>POSTs <paramref name="body"/> as <paramref name="device"/> with its MAC (or <paramref name="mac"/>).</summary>
    public Task<HttpResponseMessage> SendAsync(TestDevice device, byte[] body, string? mac = null, string contentType = "application/json", string? deviceHeader = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/reports") { Content = content };
        request.Headers.Add("X-SecureOta-Device", deviceHeader ?? device.Id);
        request.Headers.Add("X-SecureOta-Mac", mac ?? device.Mac(body));
        return Http.SendAsync(request);
    }

    /// <summary>Sends a good heartbeat and asserts it is stored: the service still serves after a refusal.</summary>
    public async Task AssertStillServesAsync(TestDevice device)
    {
        long before = await Host.Store.CountAsync(default);
        using var response = await SendAsync(device, device.Report());
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before + 1, await Host.Store.CountAsync(default));
    }

    public async Task<HttpResponseMessage> GetSummaryAsync(string? token = Token, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "v1/summary" + query);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> SummaryAsync(string query = "")
    {
        using var response = await GetSummaryAsync(Token, query);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return document.RootElement.Clone();
    }

    /// <summary>What the summary says and how many reports are stored, without the "generated" time: equal before and after means nothing was stored.</summary>
    public async Task<string> StateAsync()
    {
        var summary = await SummaryAsync();
        var channels = summary.GetProperty("channels").GetRawText();
        return $"{await Host.Store.CountAsync(default)} reports; {channels}";
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp dir left behind is harmless; the test's outcome is what matters.
        }
    }
}
