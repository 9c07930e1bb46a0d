using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SecureOta.Collector.Crypto;
using SecureOta.Collector.Hosting;
using SecureOta.Collector.Tests.Support;

namespace SecureOta.Collector.Tests;

/// <summary>
/// The device reports' test vectors of docs/PROTOCOL.md (12.14 the MAC key, 12.15 a report body and
/// its MAC), as the device side publishes them: the collector derives the same key and stores that very
/// request. The values are copied here so a change on either side breaks this test, not only the other's.
/// </summary>
public sealed class ProtocolVectorTests
{
    private const string DevicePublic = "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a";
    private const string DeviceId = "67ca2ffd6fe9efab3d76e37c34990a5a33edc52062f0ecbd0938acc91af7a425";
    private const string MacKey = "3a91a5569e9e28b6097769561e416525df8fc8f77f4971b80338daa69b28b945";
    private const string Body = "{\"spec\":1,\"device\":\"67ca2ffd6fe9efab3d76e37c34990a5a33edc52062f0ecbd0938acc91af7a425\",\"counter\":1," +
        "\"kind\":\"trial-scheduled\",\"channel\":\"stable\",\"version\":\"1.0.0\",\"running\":\"0.9.0\",\"artifact\":\"delta\"," +
        "\"reason\":\"delta from 0.9.0\",\"uptime\":3600}";
    private const string Mac = "93adb59b8117e444e7fa39124aa2644343b6f61a9c8f078cd5008b40d5bf4c97";

    /// <summary>Vector 12.14's collector private key: a0 a1 ... bf (test only).</summary>
    private static byte[] CollectorPrivate => Enumerable.Range(0xa0, 32).Select(b => (byte)b).ToArray();

    [Fact]
    public void Collector_derives_vector_12_14s_mac_key()
    {
        using var collector = CollectorKey.FromPrivateKey(CollectorPrivate);
        Assert.Equal("605a725d2a4adfeeb1a29e17edd621c1b7593ee8cdbc44ac6c4ab6e2f805d23c", Convert.ToHexStringLower(collector.PublicKey));
        Assert.Equal(MacKey, Convert.ToHexStringLower(collector.DeriveMacKey(Convert.FromHexString(DevicePublic))!));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Stores_vector_12_15s_report(string backend)
    {
        string dir = Directory.CreateTempSubdirectory("secureota-vector-").FullName;
        string recipients = Path.Combine(dir, "recipients.json");
        File.WriteAllText(recipients, $"{{\"recipients\": [{{\"name\": \"vector-device\", \"kind\": \"device\", \"publicKey\": \"{DevicePublic}\"}}]}}");
        await using var database = await TestDatabase.CreateAsync(backend, dir);
        await using var host = await CollectorHost.StartAsync(new CollectorOptions
        {
            RecipientsPath = recipients,
            PrivateKey = CollectorPrivate,
            Database = database.Setting,
            Urls = "http://127.0.0.1:0",
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        });
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/reports") { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(Body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-SecureOta-Device", DeviceId);
        request.Headers.Add("X-SecureOta-Mac", Mac);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, await host.Store.CountAsync(default));
    }

    public static TheoryData<string> Backends => TestDatabase.Backends;
}
