using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureOta.Collector.Crypto;
using SecureOta.Collector.Devices;
using SecureOta.Collector.Reports;
using SecureOta.Collector.Storage;
using SecureOta.Collector.Summary;

namespace SecureOta.Collector.Hosting;

/// <summary>
/// Builds the collector as a <see cref="WebApplication"/>: POST /v1/reports, GET /v1/summary,
/// GET /healthz. The database is migrated and the recipients file read before it returns, so a
/// misconfiguration fails at start with a <see cref="CollectorConfigurationException"/>, not on the
/// first report. Run it with RunAsync, or use <see cref="CollectorHost"/> for an in-process collector.
/// </summary>
public static class CollectorApp
{
    public static async Task<WebApplication> CreateAsync(CollectorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        // The slim builder leaves HTTPS out; this brings back Kestrel's certificate settings for https:// URLs.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // A report is at most 1 KiB and has a handful of headers; nothing here needs more.
            kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes + 1;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // One line per request would drown the collector's own messages (and grow with the fleet).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var collectorKey = CollectorKey.FromPrivateKey(options.PrivateKey);
        var store = new ReportStore(DatabaseLocation.Open(options.Database), options.Time);
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (Exception e)
        {
            await store.DisposeAsync();
            collectorKey.Dispose();
            if (e is System.Data.Common.DbException or IOException)
                throw new CollectorConfigurationException($"The {store.Backend} database ({DatabaseLocation.Describe(options.Database)}) cannot be opened or migrated: {e.Message}");
            throw;
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        // Registered through factories so the container owns them: stopping the app disposes the store
        // (the SQLite writer drains its queue, pools close), the rate limiters and the key.
        services.AddSingleton(_ => collectorKey);
        services.AddSingleton<IReportStore>(_ => store);
        services.AddSingleton(provider => new DeviceRegistry(options.RecipientsPath, collectorKey,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<DeviceRegistry>(), options.Time, options.RecipientsCheckInterval));
        services.AddSingleton(_ => new ClientRateLimits(options.AddressRequestsPerMinute, options.DeviceReportsPerMinute));
        services.AddSingleton(new BearerToken(options.SummaryToken));
        services.AddSingleton<ReportEndpoint>();
        services.AddSingleton<SummaryEndpoint>();
        if (options.BehindProxy)
        {
            // Only loopback proxies are trusted (the defaults): the proxy runs beside the collector.
            services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        }

        var app = builder.Build();
        try
        {
            // Resolve now: the container then owns (and disposes) the store and the key even if what
            // follows fails, and a missing or invalid recipients file stops the start, with its message.
            app.Services.GetRequiredService<IReportStore>();
            app.Services.GetRequiredService<CollectorKey>();
            var registry = app.Services.GetRequiredService<DeviceRegistry>();
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SecureOta.Collector");
            log.LogInformation("Collector {PublicKey}; {Count} devices from {Path}; storing in {Backend}.",
                Convert.ToHexStringLower(collectorKey.PublicKey), registry.Count, options.RecipientsPath, store.Backend);
            if (!app.Services.GetRequiredService<BearerToken>().IsConfigured)
                log.LogWarning("SECUREOTA_COLLECTOR_TOKEN is not set: GET /v1/summary answers 401 to everyone.");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        if (options.BehindProxy) app.UseForwardedHeaders();
        app.MapPost("/v1/reports", (HttpContext context, ReportEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapGet("/v1/summary", (HttpContext context, SummaryEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapGet("/healthz", (DeviceRegistry registry, IReportStore reports) => registry.Problem is { } problem
            ? Results.Json(new { status = "unhealthy", problem, backend = reports.Backend }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Json(new { status = "ok", devices = registry.Count, backend = reports.Backend }));
        return app;
    }
}
