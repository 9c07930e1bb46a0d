using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using SecureOta.Collector.Storage;

namespace SecureOta.Collector.Hosting;

/// <summary>
/// A running in-process collector, for the tests, the benchmark and the fleet demo: started on
/// loopback (by default a free port on 127.0.0.1), its base URL ending in "/" as the root's
/// collector.url does, stopped and its database released on dispose.
/// </summary>
public sealed class CollectorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CollectorHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The collector's base URL, e.g. http://127.0.0.1:43127/ (reports go to BaseUrl + "v1/reports").</summary>
    public Uri BaseUrl { get; }

    /// <summary>The store the collector writes (tests read counts from it).</summary>
    public IReportStore Store => _app.Services.GetRequiredService<IReportStore>();

    /// <summary>Starts a collector; <see cref="CollectorOptions.Urls"/> left at its default becomes http://127.0.0.1:0 here.</summary>
    public static async Task<CollectorHost> StartAsync(CollectorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Urls == CollectorOptions.DefaultUrls) options = options with { Urls = "http://127.0.0.1:0" };
        var app = await CollectorApp.CreateAsync(options, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new CollectorHost(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
