using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SecureOta.Build.LocalServer;

/// <summary>
/// Applies <see cref="LocalSiteFaults"/> in front of the static files: redirects, 404s that heal, ETags
/// replaced, ignored Range headers, bodies cut short or dripped. Substituted files are applied by <see cref="SubstitutingFileProvider"/>, so
/// that they keep static files' ETag and Range handling.
/// </summary>
internal sealed class LocalSiteFaultMiddleware
{
    private readonly LocalSiteFaults _faults;
    private readonly CancellationToken _serverStopping;

    public LocalSiteFaultMiddleware(LocalSiteFaults faults, CancellationToken serverStopping)
    {
        _faults = faults;
        _serverStopping = serverStopping;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        string path = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        if (_faults.RedirectFor(path) is { } location)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            return;
        }
        if (_faults.TakeNotFound(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (_faults.ETagFor(path) is { } etag)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ETag = etag;
                return Task.CompletedTask;
            });
        }
        if (_faults.IgnoreRange)
        {
            context.Request.Headers.Remove("Range");
            context.Request.Headers.Remove("If-Range");
        }
        Stream? body = null;
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        if (_faults.TakeBodyCut(path) is { } cut)
            body = new CutResponseStream(original.Stream, cut.Bytes, cut.Stall, context, _serverStopping);
        else if (_faults.DripFor(path) is { } drip)
            body = new DripResponseStream(original.Stream, drip.BytesPerPiece, drip.Pause, context, _serverStopping);
        if (body is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body, original));
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ResponseCutException)
        {
            // The body was cut on purpose; returning normally lets Kestrel flush and close the connection.
        }
        finally
        {
            context.Features.Set(original);
        }
    }
}
