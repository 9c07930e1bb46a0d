using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SecureOta.Collector.Tests.Support;

namespace SecureOta.Collector.Tests;

/// <summary>
/// Contract section 3, bad input: each attack is refused with its status, nothing is stored (the
/// summary and the report count are unchanged), and a good report afterwards is stored. Each test runs
/// against SQLite, and PostgreSQL when available.
/// </summary>
public sealed class BadReportTests
{
    public static TheoryData<string> Backends => TestDatabase.Backends;

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_replayed_report(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var device = collector.Devices[0];
        var older = device.Report(kind: "trial-scheduled", version: "1.3.0", artifact: "delta");
        var body = device.Report(kind: "confirmed", version: "1.3.0", running: "1.3.0");
        using (var first = await collector.SendAsync(device, older)) Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        using (var second = await collector.SendAsync(device, body)) Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var state = await collector.StateAsync();

        // The exact same bytes again, a new body with the same counter, and an older report resent.
        foreach (var replay in new[] { body, device.Report(kind: "reverted", counter: device.Counter), older })
        {
            using var response = await collector.SendAsync(device, replay);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(2, answer.RootElement.GetProperty("lastCounter").GetInt64());
        }

        Assert.Equal(state, await collector.StateAsync());
        await collector.AssertStillServesAsync(device);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_forged_mac(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var (device, other) = (collector.Devices[0], collector.Devices[1]);
        var state = await collector.StateAsync();
        var body = device.Report(kind: "confirmed");
        var goodMac = device.Mac(body);
        string flipped = (goodMac[0] == '0' ? "1" : "0") + goodMac[1..];

        var forgeries = new (string Mac, string? Header)[]
        {
            (flipped, null),                       // one bit off
            (other.Mac(body), null),               // another registered device's key
            (Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(device.PublicKey, body)), null), // keyed with the public key
            (new string('0', 64), null),           // all zero
            (goodMac, other.Id),                   // a good MAC under another device's id
            (goodMac, new string('a', 64)),        // an unknown device: same status, no oracle
        };
        foreach (var (mac, header) in forgeries)
        {
            using var response = await collector.SendAsync(device, body, mac: mac, deviceHeader: header);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(state, await collector.StateAsync());
        // The forgeries did not move the device's counter: the very body, correctly signed, is stored.
        using (var genuine = await collector.SendAsync(device, body)) Assert.Equal(HttpStatusCode.NoContent, genuine.StatusCode);
        await collector.AssertStillServesAsync(other);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_report_from_removed_device(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var (removed, kept) = (collector.Devices[0], collector.Devices[1]);
        using (var before = await collector.SendAsync(removed, removed.Report())) Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);

        // RemoveDevice rewrites the recipients file; the running collector notices without a restart.
        TestCollector.WriteRecipients(collector.RecipientsPath, collector.Devices.Skip(1));
        var state = await collector.StateAsync();
        using (var after = await collector.SendAsync(removed, removed.Report()))
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        Assert.Equal(state, await collector.StateAsync());
        await collector.AssertStillServesAsync(kept);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_counter_that_jumps(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var (device, fresh) = (collector.Devices[0], collector.Devices[1]);
        using (var first = await collector.SendAsync(device, device.Report())) Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var state = await collector.StateAsync();

        // 1,000,001 above the last stored, and a first report far above 0.
        using (var jump = await collector.SendAsync(device, device.Report(counter: device.Counter + 1_000_001)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, jump.StatusCode);
        using (var farFirst = await collector.SendAsync(fresh, fresh.Report(counter: 1_000_001)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, farFirst.StatusCode);

        Assert.Equal(state, await collector.StateAsync());
        // The limit itself is allowed: exactly 1,000,000 above is stored.
        using (var edge = await collector.SendAsync(fresh, fresh.Report(counter: 1_000_000))) Assert.Equal(HttpStatusCode.NoContent, edge.StatusCode);
        await collector.AssertStillServesAsync(device);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_truncated_body(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var device = collector.Devices[0];
        var state = await collector.StateAsync();
        var body = device.Report(kind: "confirmed");
        var half = body[..(body.Length / 2)];

        // Cut after the MAC was made: the MAC no longer matches.
        using (var cut = await collector.SendAsync(device, half, mac: device.Mac(body))) Assert.Equal(HttpStatusCode.Unauthorized, cut.StatusCode);
        // Cut before the MAC was made (a device bug): authentic but not JSON.
        using (var cutSigned = await collector.SendAsync(device, half)) Assert.Equal(HttpStatusCode.BadRequest, cutSigned.StatusCode);
        // Cut on the wire: Content-Length promises the whole body, the connection ends after half.
        // (Kestrel may answer 400 or just close: the client that cut it off is gone either way.)
        string statusLine = await SendCutShortAsync(collector, device, body);
        Assert.True(statusLine is "" || statusLine.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), statusLine);

        Assert.Equal(state, await collector.StateAsync());
        await collector.AssertStillServesAsync(device);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_oversized_body(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var device = collector.Devices[0];
        var state = await collector.StateAsync();
        // Valid JSON, correctly signed, 1025 bytes: the reason padded past the limit is refused by size first.
        var big = Pad(device.Report(kind: "reverted", reason: "x"), 1025);
        Assert.Equal(1025, big.Length);
        using (var declared = await collector.SendAsync(device, big)) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        // The same without Content-Length (chunked): cut off after 1025 bytes.
        var chunked = new HttpRequestMessage(HttpMethod.Post, "v1/reports") { Content = new StreamContent(new NoLengthStream(Pad(device.Report(reason: "x"), 4000))) };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.Add("X-SecureOta-Device", device.Id);
        chunked.Headers.Add("X-SecureOta-Mac", new string('0', 64));
        using (var response = await collector.Http.SendAsync(chunked)) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        Assert.Equal(state, await collector.StateAsync());
        // 1024 bytes is allowed.
        using (var atLimit = await collector.SendAsync(device, Pad(device.Report(reason: "x"), 1024))) Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, atLimit.StatusCode);
        await collector.AssertStillServesAsync(device);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_malformed_json(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var (device, other) = (collector.Devices[0], collector.Devices[1]);
        var state = await collector.StateAsync();
        string id = device.Id;
        string Good(string extra = "", long counter = 1) =>
            $"{{\"spec\":1,\"device\":\"{id}\",\"counter\":{counter},\"kind\":\"heartbeat\",\"channel\":\"stable\",\"version\":\"1.2.0\",\"running\":\"1.2.0\"{extra}}}";
        string[] malformed =
        [
            "not json",
            "[1,2]",
            Good()[..^1],                                   // unterminated object
            Good() + "{}",                                  // a second value after the object
            Good(",\"counter\":2"),                         // duplicate member
            Good(",\"extra\":true"),                        // unknown member
            Good(",\"uptime\":\"long\""),                   // mistyped member
            Good(",\"uptime\":1.5"),                        // not an integer
            Good(",\"artifact\":\"zip\""),                  // not full or delta
            Good(",\"reason\":\"" + new string('r', 201) + "\""), // reason over 200 characters
            Good(",\"nested\":{\"a\":1}"),
            Good().Replace("\"heartbeat\"", "\"exploded\""), // unknown kind
            Good().Replace("\"spec\":1", "\"spec\":2"),
            Good().Replace(",\"running\":\"1.2.0\"", ""),  // missing member
            Good(counter: 0),
            Good(counter: 9007199254740992),                // 2^53: above the largest counter
            Good().Replace(id, other.Id),                   // body names another device than the header
            "{\"spec\":1 /* comment */}",
        ];
        foreach (var text in malformed)
        {
            var body = Encoding.UTF8.GetBytes(text);
            using var response = await collector.SendAsync(device, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {text}");
        }
        // Invalid UTF-8 inside a string.
        var invalidUtf8 = Encoding.UTF8.GetBytes(Good(",\"reason\":\"@\"")).Select(b => b == (byte)'@' ? (byte)0xC3 : b).ToArray();
        using (var response = await collector.SendAsync(device, invalidUtf8)) Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.Equal(state, await collector.StateAsync());
        await collector.AssertStillServesAsync(device);
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task Rejects_wrong_content_type_and_bad_headers(string backend)
    {
        await using var collector = await TestCollector.StartAsync(backend);
        var device = collector.Devices[0];
        var state = await collector.StateAsync();
        var body = device.Report(counter: 1);
        using (var text = await collector.SendAsync(device, body, contentType: "text/plain")) Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        using (var upper = await collector.SendAsync(device, body, mac: device.Mac(body).ToUpperInvariant())) Assert.Equal(HttpStatusCode.BadRequest, upper.StatusCode);
        using (var shortId = await collector.SendAsync(device, body, deviceHeader: device.Id[..63])) Assert.Equal(HttpStatusCode.BadRequest, shortId.StatusCode);
        Assert.Equal(state, await collector.StateAsync());
        using (var charset = await collector.SendAsync(device, body, contentType: "application/json; charset=utf-8")) Assert.Equal(HttpStatusCode.NoContent, charset.StatusCode);
    }

    /// <summary>Pads the "reason" member so the body is exactly <paramref name="size"/> bytes (it may then break the reason rule; size is checked first).</summary>
    private static byte[] Pad(byte[] body, int size)
    {
        string text = Encoding.UTF8.GetString(body);
        return Encoding.UTF8.GetBytes(text.Replace("\"reason\":\"x\"", "\"reason\":\"" + new string('x', size - body.Length + 1) + "\""));
    }

    /// <summary>Sends headers promising the whole body, half of it, then closes the sending side; returns the status line.</summary>
    private static async Task<string> SendCutShortAsync(TestCollector collector, TestDevice device, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(collector.Host.BaseUrl.Host, collector.Host.BaseUrl.Port);
        var stream = client.GetStream();
        string head = $"POST /v1/reports HTTP/1.1\r\nHost: {collector.Host.BaseUrl.Authority}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {body.Length}\r\nX-SecureOta-Device: {device.Id}\r\nX-SecureOta-Mac: {device.Mac(body)}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
        client.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        try
        {
            return await reader.ReadLineAsync() ?? "";
        }
        catch (IOException)
        {
            return ""; // reset by the server: no answer, which is also no 204
        }
    }
}
