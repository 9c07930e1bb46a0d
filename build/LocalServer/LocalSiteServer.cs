using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace SecureOta.Build.LocalServer;

/// <summary>
/// The generated site served by Kestrel over real HTTPS on 127.0.0.1 and a free port, as GitHub Pages
/// would serve it: static files with ETag, conditional GET (304) and Range (206) as ASP.NET Core's
/// static files provide them, every file type (blobs and wrapped keys have no extension). Bound to the
/// loopback address only. <see cref="Faults"/> makes it misbehave on demand. Stop it with
/// <see cref="StopAsync"/> or by disposing it; both are idempotent.
/// </summary>
public sealed class LocalSiteServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<LocalSiteRequest> _requests = new();
    private int _stopped;

    private LocalSiteServer(string siteFolder, X509Certificate2? certificate, X509Certificate2Collection? chain, int port)
    {
        SiteFolder = siteFolder;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = siteFolder });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Latin-1 lets LocalSiteFaults.ServeETag send obs-text (0x80-0xFF), which HTTP allows in a header value.
            kestrel.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate, ServerCertificateChain = chain });
                }
            });
        });
        _app = builder.Build();

        var files = new SubstitutingFileProvider(new PhysicalFileProvider(siteFolder), Faults);
        _app.Use(RecordAsync);
        var faults = new LocalSiteFaultMiddleware(Faults, _stopping.Token);
        _app.Use(faults.InvokeAsync);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
    }

    /// <summary>The folder served as the site's top level (the build's <c>site/</c>).</summary>
    public string SiteFolder { get; }

    /// <summary>"https://127.0.0.1:&lt;port&gt;/" (or http for <see cref="StartPlainHttpAsync"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    /// <summary>Misbehaviour to show; changeable while the server runs.</summary>
    public LocalSiteFaults Faults { get; } = new();

    /// <summary>The requests answered so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<LocalSiteRequest> Requests => _requests.ToArray();

    /// <summary>
    /// Starts serving <paramref name="siteFolder"/> over HTTPS with <paramref name="serverCertificate"/>
    /// (which needs its private key), sending <paramref name="intermediates"/> after it in the handshake
    /// as a public site sends its CA's intermediates.
    /// </summary>
    public static Task<LocalSiteServer> StartHttpsAsync(string siteFolder, X509Certificate2 serverCertificate,
        X509Certificate2Collection? intermediates = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serverCertificate);
        if (!serverCertificate.HasPrivateKey) throw new ArgumentException("Kestrel needs the server certificate's private key.", nameof(serverCertificate));
        return StartAsync(siteFolder, serverCertificate, intermediates, 0, cancellationToken);
    }

    /// <summary>The same on a chosen loopback <paramref name="port"/> (0: any free port), for the Serve target.</summary>
    public static Task<LocalSiteServer> StartHttpsAsync(string siteFolder, X509Certificate2 serverCertificate, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serverCertificate);
        if (!serverCertificate.HasPrivateKey) throw new ArgumentException("Kestrel needs the server certificate's private key.", nameof(serverCertificate));
        return StartAsync(siteFolder, serverCertificate, null, port, cancellationToken);
    }

    /// <summary>Starts serving over plain http: only for tests of a transport's explicit plain-http mode.</summary>
    public static Task<LocalSiteServer> StartPlainHttpAsync(string siteFolder, CancellationToken cancellationToken = default) =>
        StartAsync(siteFolder, null, null, 0, cancellationToken);

    /// <summary>The absolute URL of <paramref name="relativePath"/> on this server ("ota/v2/" gives the OTA base URL).</summary>
    public Uri UrlFor(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return new Uri(BaseAddress, relativePath.TrimStart('/'));
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        // Ends stalled responses first, so shutdown does not wait for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    private static async Task<LocalSiteServer> StartAsync(string siteFolder, X509Certificate2? certificate, X509Certificate2Collection? chain,
        int port, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteFolder);
        var folder = Path.GetFullPath(siteFolder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The site folder '{folder}' does not exist.");

        var server = new LocalSiteServer(folder, certificate, chain, port);
        try
        {
            await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            server.BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
            return server;
        }
        catch
        {
            await server.StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Recorded when the response starts, before the client can see it, so a test that has read a
    // response always finds its request in the log; requests that never start a response (a dropped
    // connection) are recorded when the pipeline ends.
    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        string? range = request.Headers.Range.Count > 0 ? request.Headers.Range.ToString() : null;
        string? ifNoneMatch = request.Headers.IfNoneMatch.Count > 0 ? request.Headers.IfNoneMatch.ToString() : null;
        int recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
                _requests.Enqueue(new LocalSiteRequest(request.Path.Value ?? "/", range, ifNoneMatch, context.Response.StatusCode));
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Record();
        }
    }
}
