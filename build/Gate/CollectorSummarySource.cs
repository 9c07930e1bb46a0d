using System.Net;
using System.Net.Http.Headers;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Gate;

/// <summary>
/// Reads the collector's summary from <c>--collector-summary=&lt;collector base URL or JSON file&gt;</c>:
/// over HTTPS (plain HTTP only to a loopback address) with <c>Authorization: Bearer</c> and the token from
/// <see cref="TokenVariable"/>, within a deadline, reading at most a size bound. A summary that cannot be had
/// is not a build failure: the refresh still re-signs the manifests (their expiry matters more), and the gate
/// holds; the log and the published record say why. A named file that does not exist is a mistake and throws.
/// </summary>
public static class CollectorSummarySource
{
    public const string Argument = "collector-summary";
    public const string TimeoutArgument = "collector-timeout";
    public const string MaxBytesArgument = "collector-summary-max-bytes";
    public const string TokenVariable = "SECUREOTA_COLLECTOR_TOKEN";
    public const string SummaryPath = "v1/summary";
    public const int DefaultMaxBytes = 1 << 20;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static SummaryLoad Load(string? location, string? token, TimeSpan timeout, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(location)) return SummaryLoad.NotConfigured;
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return Fetch(SummaryUri(uri), token, timeout, maxBytes);
        }

        if (!File.Exists(location))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--{Argument}={location} is neither an https URL nor an existing file.",
                $"Give the collector's base URL (https://collector.example/, the token in {TokenVariable}) or a summary JSON file saved from GET /{SummaryPath}.");
        }

        using var stream = File.OpenRead(location);
        return Parse(ReadBounded(stream, maxBytes, out var over), over, maxBytes, location);
    }

    /// <summary>The summary's URL: <paramref name="uri"/> itself when it already ends with /v1/summary, else the base URL plus it.</summary>
    public static Uri SummaryUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.AbsolutePath.EndsWith("/" + SummaryPath, StringComparison.Ordinal)) return uri;
        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text + (text.EndsWith('/') ? "" : "/") + SummaryPath);
    }

    private static SummaryLoad Fetch(Uri uri, string? token, TimeSpan timeout, int maxBytes)
    {
        var source = uri.GetLeftPart(UriPartial.Path);
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return new SummaryLoad(null, $"{source} is plain HTTP; the token and the summary travel only over HTTPS (plain HTTP is for a loopback collector)", source);
        }

        if (string.IsNullOrEmpty(token))
        {
            return new SummaryLoad(null, $"{TokenVariable} is not set, so the collector's summary cannot be read", source);
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var hint = response.StatusCode == HttpStatusCode.Unauthorized ? $" (check {TokenVariable}: it must equal the collector's)" : "";
                return new SummaryLoad(null, $"{source} answered {(int)response.StatusCode} {response.ReasonPhrase}{hint}", source);
            }

            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                return new SummaryLoad(null, $"{source} announced {length} bytes, over the {maxBytes}-byte bound on a summary; refused unread", source);
            }

            using var body = response.Content.ReadAsStreamAsync(deadline.Token).GetAwaiter().GetResult();
            var bytes = ReadBounded(body, maxBytes, out var over, deadline.Token);
            return Parse(bytes, over, maxBytes, source);
        }
        catch (OperationCanceledException)
        {
            return new SummaryLoad(null, $"{source} did not answer within {timeout.TotalSeconds:0} s", source);
        }
        catch (HttpRequestException exception)
        {
            return new SummaryLoad(null, $"{source} could not be read: {exception.Message}", source);
        }
        catch (IOException exception)
        {
            return new SummaryLoad(null, $"{source} could not be read: {exception.Message}", source);
        }
    }

    private static SummaryLoad Parse(byte[] bytes, bool over, int maxBytes, string source)
    {
        if (over) return new SummaryLoad(null, $"the summary from {source} is over the {maxBytes}-byte bound; refused", source);
        try
        {
            return new SummaryLoad(CollectorSummaryParser.Parse(bytes), null, source);
        }
        catch (SummaryFormatException exception)
        {
            return new SummaryLoad(null, $"the summary from {source} is malformed: {exception.Message}", source);
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes; <paramref name="over"/> says the stream had more than the bound.</summary>
    private static byte[] ReadBounded(Stream stream, int maxBytes, out bool over, CancellationToken cancel = default)
    {
        var buffer = new byte[Math.Min(maxBytes + 1, 1 << 16)];
        using var kept = new MemoryStream();
        int read;
        while ((read = stream.ReadAsync(buffer, cancel).AsTask().GetAwaiter().GetResult()) > 0)
        {
            kept.Write(buffer, 0, read);
            if (kept.Length > maxBytes)
            {
                over = true;
                return [];
            }
        }

        over = false;
        return kept.ToArray();
    }
}
