namespace SecureOta.Build.LocalServer;

/// <summary>
/// Misbehaviour a <see cref="LocalSiteServer"/> can be told to show, to test how a client copes with a
/// hostile or broken server or network. Changeable while the server runs (thread-safe); each request
/// reads the faults as they are when it arrives. Paths are URL paths on the server ("/ota/v2/x"; the
/// leading '/' may be omitted). A fault limited to a number of responses counts down as it fires.
/// </summary>
public sealed class LocalSiteFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _substitutes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _notFound = new(StringComparer.Ordinal);
    private Drip? _drip;
    private BodyCut? _drop;
    private BodyCut? _stall;
    private bool _ignoreRange;

    /// <summary>Ignore Range headers: every file is answered 200 with its full body.</summary>
    public bool IgnoreRange
    {
        get { lock (_gate) return _ignoreRange; }
        set { lock (_gate) _ignoreRange = value; }
    }

    /// <summary>Serve <paramref name="filePath"/> (any file on disk) for <paramref name="requestPath"/>, with its own ETag and length.</summary>
    public void ServeInstead(string requestPath, string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        lock (_gate) _substitutes[Normalise(requestPath)] = Path.GetFullPath(filePath);
    }

    /// <summary>Answer <paramref name="requestPath"/> with 302 Found and a Location header.</summary>
    public void Redirect(string requestPath, string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        lock (_gate) _redirects[Normalise(requestPath)] = location;
    }

    /// <summary>
    /// Close the connection abruptly after <paramref name="bytes"/> body bytes, for the next
    /// <paramref name="responses"/> responses (to <paramref name="requestPath"/> only, when given).
    /// </summary>
    public void DropConnectionAfter(long bytes, int responses = int.MaxValue, string? requestPath = null)
    {
        var cut = NewCut(bytes, responses, requestPath);
        lock (_gate) _drop = cut;
    }

    /// <summary>
    /// Send <paramref name="bytes"/> body bytes, then nothing more while keeping the connection open
    /// (until the client gives up or the server stops): a stalled network, for read timeouts.
    /// </summary>
    public void StallAfter(long bytes, int responses = int.MaxValue, string? requestPath = null)
    {
        var cut = NewCut(bytes, responses, requestPath);
        lock (_gate) _stall = cut;
    }

    /// <summary>
    /// Send every body (for <paramref name="requestPath"/> only, when given) <paramref name="bytesPerPiece"/>
    /// bytes at a time with <paramref name="pause"/> after each: a server that drips (slow retrieval).
    /// </summary>
    public void DripBodies(int bytesPerPiece, TimeSpan pause, string? requestPath = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerPiece);
        ArgumentOutOfRangeException.ThrowIfLessThan(pause, TimeSpan.Zero);
        var drip = new Drip(bytesPerPiece, pause, requestPath is null ? null : Normalise(requestPath));
        lock (_gate) _drip = drip;
    }

    /// <summary>
    /// Send <paramref name="etag"/> as the ETag of <paramref name="requestPath"/> (any characters, obs-text and tabs
    /// included: the server encodes headers as Latin-1), instead of the static file's.
    /// </summary>
    public void ServeETag(string requestPath, string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        lock (_gate) _etags[Normalise(requestPath)] = etag;
    }

    /// <summary>Answer 404 to the next <paramref name="responses"/> requests for <paramref name="requestPath"/>, then serve it again (a mirror that heals).</summary>
    public void NotFoundFor(string requestPath, int responses = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(responses);
        lock (_gate) _notFound[Normalise(requestPath)] = responses;
    }

    /// <summary>Back to a well-behaved server.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _substitutes.Clear();
            _redirects.Clear();
            _etags.Clear();
            _notFound.Clear();
            _drop = null;
            _stall = null;
            _drip = null;
            _ignoreRange = false;
        }
    }

    internal string? SubstituteFor(string requestPath)
    {
        lock (_gate) return _substitutes.GetValueOrDefault(Normalise(requestPath));
    }

    internal string? RedirectFor(string requestPath)
    {
        lock (_gate) return _redirects.GetValueOrDefault(Normalise(requestPath));
    }

    internal string? ETagFor(string requestPath)
    {
        lock (_gate) return _etags.GetValueOrDefault(Normalise(requestPath));
    }

    /// <summary>True when this request is answered 404, counting it as used.</summary>
    internal bool TakeNotFound(string requestPath)
    {
        var path = Normalise(requestPath);
        lock (_gate)
        {
            if (!_notFound.TryGetValue(path, out int left)) return false;
            if (left > 1) _notFound[path] = left - 1;
            else _notFound.Remove(path);
            return true;
        }
    }

    /// <summary>The drip that applies to this request, if any.</summary>
    internal (int BytesPerPiece, TimeSpan Pause)? DripFor(string requestPath)
    {
        var path = Normalise(requestPath);
        lock (_gate)
        {
            if (_drip is null || (_drip.Path is not null && _drip.Path != path)) return null;
            return (_drip.BytesPerPiece, _drip.Pause);
        }
    }

    /// <summary>The body cut that applies to this request, if any, counting it as used.</summary>
    internal (long Bytes, bool Stall)? TakeBodyCut(string requestPath)
    {
        var path = Normalise(requestPath);
        lock (_gate)
        {
            if (Take(ref _drop, path) is { } drop) return (drop, false);
            if (Take(ref _stall, path) is { } stall) return (stall, true);
            return null;
        }
    }

    private static long? Take(ref BodyCut? cut, string path)
    {
        if (cut is null || (cut.Path is not null && cut.Path != path)) return null;
        long bytes = cut.Bytes;
        cut = cut.Remaining > 1 ? cut with { Remaining = cut.Remaining - 1 } : null;
        return bytes;
    }

    internal static string Normalise(string requestPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestPath);
        return requestPath.StartsWith('/') ? requestPath : "/" + requestPath;
    }

    private static BodyCut NewCut(long bytes, int responses, string? requestPath)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(responses);
        return new BodyCut(bytes, responses, requestPath is null ? null : Normalise(requestPath));
    }

    private sealed record BodyCut(long Bytes, int Remaining, string? Path);

    private sealed record Drip(int BytesPerPiece, TimeSpan Pause, string? Path);
}
