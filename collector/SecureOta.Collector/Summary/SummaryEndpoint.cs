using System.Globalization;
using Microsoft.AspNetCore.Http;
using SecureOta.Collector.Hosting;
using SecureOta.Collector.Reports;
using SecureOta.Collector.Storage;

namespace SecureOta.Collector.Summary;

/// <summary>GET /v1/summary (contract section 5): the per-channel summary for CI and the dashboard, behind the bearer token.</summary>
public sealed class SummaryEndpoint(IReportStore store, BearerToken token, ClientRateLimits limits, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limits.TryAddress(address) is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Max(1, Math.Ceiling(wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
            return ReportEndpoint.Refuse(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests from this address.");
        }

        if (!token.Accepts(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ReportEndpoint.Refuse(StatusCodes.Status401Unauthorized, "unauthenticated",
                "GET /v1/summary needs Authorization: Bearer <the token in SECUREOTA_COLLECTOR_TOKEN>.");
        }

        DateTimeOffset? since = null;
        string? sinceText = context.Request.Query["since"];
        if (sinceText is not null)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return ReportEndpoint.Refuse(StatusCodes.Status400BadRequest, "bad-since", "since must be an ISO-8601 UTC time, e.g. 2026-12-06T07:00:00Z.");
            since = parsed;
        }

        var rows = await store.ReadSummaryAsync(since, context.RequestAborted);
        return Results.Bytes(SummaryWriter.Write(rows, time.GetUtcNow()), "application/json");
    }
}
