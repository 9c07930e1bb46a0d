using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// The TLS front of the demo's collector, as docs/OPERATIONS.md runs the collector in production: a reverse
/// proxy on 127.0.0.1 terminates HTTPS with a certificate of the local TEST CA (which the demo root pins for
/// the collector) and forwards <c>POST /v1/reports</c> to the collector's loopback HTTP address with
/// X-Forwarded-For. Only the report route is forwarded; status, Retry-After and body come back as they are.
/// </summary>
internal sealed class FleetCollectorTls : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };

    private FleetCollectorTls(WebApplication app) => _app = app;

    /// <summary>The https base URL devices are given in the root ("https://127.0.0.1:port/").</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FleetCollectorTls> StartAsync(X509Certificate2 certificate, Uri collector)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate })));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var front = new FleetCollectorTls(app);
        app.Run(context => front.ForwardAsync(context, collector));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        front.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return front;
    }

    private async Task ForwardAsync(HttpContext context, Uri collector)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/v1/reports")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(collector, "v1/reports")) { Content = new ByteArrayContent(body.ToArray()) };
        if (context.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        foreach (var name in new[] { "X-SecureOta-Device", "X-SecureOta-Mac" })
        {
            if (context.Request.Headers.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToString());
        }
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");
        using var response = await _client.SendAsync(request).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Headers.RetryAfter is { } retry) context.Response.Headers.RetryAfter = retry.ToString();
        await response.Content.CopyToAsync(context.Response.Body).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}
