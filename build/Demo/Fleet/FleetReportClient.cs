using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// Sends a fleet device's outcome reports to the collector as REPORTS_CONTRACT section 2 says: the JSON body,
/// <c>X-SecureOta-Device</c> and <c>X-SecureOta-Mac</c> (HMAC-SHA256 under the device's report MAC key), the
/// counter one above the last. The demo's stand-in for the device core's own sender on the simulator
/// (which the simulator does not run yet), so the collector, its summary and the gate are the real ones.
/// </summary>
internal sealed class FleetReportClient : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _reports;

    public FleetReportClient(Uri collectorBase) => _reports = new Uri(collectorBase, "v1/reports");

    /// <summary>Reports sent and stored (204), and refused (any other answer).</summary>
    public int Stored { get; private set; }

    public int Refused { get; private set; }

    public void Send(FleetDevice device, FleetReport report)
    {
        var body = Body(device, report);
        using var request = new HttpRequestMessage(HttpMethod.Post, _reports) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-SecureOta-Device", device.Id);
        request.Headers.Add("X-SecureOta-Mac", Convert.ToHexStringLower(HMACSHA256.HashData(device.MacKey, body)));
        using var response = _client.Send(request);
        if (response.StatusCode == HttpStatusCode.NoContent) Stored++;
        else Refused++;
    }

    private static byte[] Body(FleetDevice device, FleetReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("spec", 1);
            json.WriteString("device", device.Id);
            json.WriteNumber("counter", device.NextCounter());
            json.WriteString("kind", report.Kind);
            json.WriteString("channel", report.Channel);
            json.WriteString("version", report.Version);
            json.WriteString("running", report.Running);
            if (report.Artifact is not null) json.WriteString("artifact", report.Artifact);
            if (report.Reason is not null) json.WriteString("reason", report.Reason);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
