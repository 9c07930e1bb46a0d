using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SecureOta.Collector.Devices;
using SecureOta.Collector.Hosting;
using SecureOta.Collector.Storage;

namespace SecureOta.Collector.Reports;

/// <summary>
/// POST /v1/reports (contract sections 2 and 3). The checks run cheapest and least trusting first:
/// address rate, content type, size, headers, device and MAC (constant time; an unknown device costs
/// the same HMAC as a known one, so timing does not tell them apart), device rate, then the JSON, then
/// the atomic counter check and insert. Every refusal stores nothing.
/// </summary>
public sealed partial class ReportEndpoint(
    DeviceRegistry devices, IReportStore store, ClientRateLimits limits, TimeProvider time, ILogger<ReportEndpoint> logger)
{
    public const string DeviceHeader = "X-SecureOta-Device";
    public const string MacHeader = "X-SecureOta-Mac";

    /// <summary>Time allowed to receive the (at most 1 KiB) body; a client that trickles it is cut off.</summary>
    public static readonly TimeSpan BodyTimeout = TimeSpan.FromSeconds(10);

    private static readonly byte[] UnknownDeviceKey = RandomNumberGenerator.GetBytes(32);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexDigest();

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limits.TryAddress(address) is { } addressWait) return TooManyRequests(context, addressWait, "address");

        if (!IsJson(request.ContentType))
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Content-Type must be application/json.");

        byte[]? body;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            timeout.CancelAfter(BodyTimeout);
            try
            {
                body = await RequestBody.ReadAsync(request, timeout.Token);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Kestrel's own limit (MaxBytes + 1) tripped first, e.g. on a chunk header announcing more.
                body = null;
            }
            catch (Exception e) when (e is OperationCanceledException or BadHttpRequestException or IOException)
            {
                // A body cut short (the connection closed or stalled before Content-Length bytes came) is never a report.
                logger.LogDebug("Incomplete report body from {Address}: {Message}", address, e.Message);
                return Refuse(StatusCodes.Status400BadRequest, "incomplete-body", "The body ended before its declared length.");
            }
        }
        if (body is null)
            return Refuse(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"A report body is at most {RequestBody.MaxBytes} bytes.");

        string? deviceId = request.Headers[DeviceHeader];
        string? macText = request.Headers[MacHeader];
        if (deviceId is null || !HexDigest().IsMatch(deviceId) || macText is null || !HexDigest().IsMatch(macText))
            return Refuse(StatusCodes.Status400BadRequest, "bad-headers", $"{DeviceHeader} and {MacHeader} must each be 64 lowercase hex digits.");

        if (devices.Problem is not null)
        {
            context.Response.Headers.RetryAfter = "60";
            return Refuse(StatusCodes.Status503ServiceUnavailable, "recipients-unavailable", "The collector cannot read its device list; try again later.");
        }

        var device = devices.Find(deviceId);
        var expected = HMACSHA256.HashData(device?.MacKey ?? UnknownDeviceKey, body);
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(macText)) || device is null)
            return Refuse(StatusCodes.Status401Unauthorized, "unauthenticated", "Unknown device or bad MAC.");

        if (limits.TryDevice(deviceId) is { } deviceWait) return TooManyRequests(context, deviceWait, "device");

        DeviceReport report;
        try
        {
            report = ReportParser.Parse(body);
        }
        catch (ReportFormatException e)
        {
            return Refuse(StatusCodes.Status400BadRequest, "malformed", $"The report is malformed: {e.Message}.");
        }
        if (report.Device != deviceId)
            return Refuse(StatusCodes.Status400BadRequest, "device-mismatch", $"The body's \"device\" differs from {DeviceHeader}.");

        StoreResult result;
        try
        {
            result = await store.StoreAsync(report, time.GetUtcNow(), context.RequestAborted);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogError(e, "Storing a report from {Device} failed.", device.Name);
            context.Response.Headers.RetryAfter = "30";
            return Refuse(StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "The report could not be stored; try again later.");
        }

        return result.Status switch
        {
            StoreStatus.Stored => Results.NoContent(),
            StoreStatus.Replay => Results.Json(new { error = "replay", detail = $"Counter {report.Counter} is not above the last stored counter.", lastCounter = result.LastCounter },
                statusCode: StatusCodes.Status409Conflict),
            _ => Results.Json(new { error = "counter-jump", detail = $"Counter {report.Counter} is more than {ReportStore.MaxCounterStep} above the last stored counter.", lastCounter = result.LastCounter },
                statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private IResult TooManyRequests(HttpContext context, TimeSpan wait, string scope)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Max(1, Math.Ceiling(wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        logger.LogDebug("Rate limited per {Scope}.", scope);
        return Refuse(StatusCodes.Status429TooManyRequests, "rate-limited", $"Too many requests from this {scope}; retry after the Retry-After seconds.");
    }

    internal static IResult Refuse(int status, string error, string detail) =>
        Results.Json(new { error, detail }, statusCode: status);
}
