using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace SecureOta.Tests.Reports;

/// <summary>
/// A minimal HTTPS endpoint on 127.0.0.1 standing in for the collector in transport tests: it records each
/// POST to /v1/reports (headers and body) and answers with <see cref="Status"/>. The real service is in collector/.
/// </summary>
public sealed class ReportEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReportEndpoint(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate });
        }));
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            Received.Add((context.Request.Method + " " + context.Request.Path, context.Request.ContentType ?? "",
                context.Request.Headers["X-SecureOta-Device"].ToString(), context.Request.Headers["X-SecureOta-Mac"].ToString(), body.ToArray()));
            context.Response.StatusCode = Status;
        });
    }

    public List<(string Request, string ContentType, string Device, string Mac, byte[] Body)> Received { get; } = [];

    public int Status { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>"https://127.0.0.1:&lt;port&gt;/".</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<ReportEndpoint> StartAsync(X509Certificate2 certificate)
    {
        var endpoint = new ReportEndpoint(certificate);
        await endpoint._app.StartAsync();
        var address = new Uri(endpoint._app.Urls.First());
        endpoint.BaseUrl = $"https://127.0.0.1:{address.Port}/";
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
