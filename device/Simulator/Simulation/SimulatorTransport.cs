using System.Security.Cryptography.X509Certificates;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host.Http;

namespace SecureOta.Device.Simulation;

/// <summary>
/// The simulated device's network: a <see cref="PinnedHttpsTransport"/> whose pin set starts as the CAs
/// the device was provisioned with and is replaced by the trusted root's <c>tlsAnchors</c> whenever the
/// update client loads or rotates a root (<see cref="UseRootAnchors"/>, from its TrustedRootHandler).
/// It counts requests and body bytes for the run's summary. A verified root whose anchors hold no
/// usable root CA makes every request fail (fail closed) rather than keep trusting older pins.
/// </summary>
public sealed class SimulatorTransport : IHttpTransport, IDisposable
{
    private readonly PinnedHttpsTransport _inner;
    private readonly PinnedAnchorSet _provisioned;
    private string? _refusal;
    private long _requests;
    private long _bytes;
    private readonly IReadOnlyList<string> _extra;

    /// <param name="extraCaPems">CAs added to every pin set for this run only (--extra-ca).</param>
    public SimulatorTransport(Uri siteUrl, IReadOnlyList<string> provisionedCaPems, PinnedHttpsTransportOptions? options, IReadOnlyList<string>? extraCaPems = null)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentNullException.ThrowIfNull(provisionedCaPems);
        _extra = extraCaPems ?? [];
        _provisioned = PinnedAnchorSet.FromPem([.. provisionedCaPems, .. _extra]);
        _inner = new PinnedHttpsTransport(siteUrl, _provisioned, options);
        PinSource = "the provisioned CA set";
    }

    /// <summary>The site's OTA base URL.</summary>
    public Uri BaseUrl => _inner.BaseUrl;

    /// <summary>The CAs the next handshake trusts.</summary>
    public PinnedAnchorSet Anchors => _inner.Anchors;

    /// <summary>Where the current pins came from ("root v2"), for messages.</summary>
    public string PinSource { get; private set; }

    /// <summary>GET requests attempted so far, including those refused in the TLS handshake.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Response body bytes received so far.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytes);

    /// <summary>Back to the provisioned pins, as after a power-on (the root's pins are in RAM only until the client loads the root).</summary>
    public void ResetToProvisioned()
    {
        _inner.UpdatePinnedAnchors(_provisioned);
        _refusal = null;
        PinSource = "the provisioned CA set";
    }

    /// <summary>
    /// Pins the root's <c>tlsAnchors</c>. Returns a line for the device's output: the new pins, and which
    /// anchors (if any) could not be used.
    /// </summary>
    public string UseRootAnchors(TrustedRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var usable = new List<string>();
        var names = new List<string>();
        var unusable = new List<string>();
        for (int i = 0; i < root.TlsAnchorCount; i++)
        {
            string pem = root.GetTlsAnchor(i);
            try
            {
                PinnedAnchorSet.FromPem([pem]);
                usable.Add(pem);
                names.Add(CommonName(pem));
            }
            catch (ArgumentException e)
            {
                unusable.Add($"#{i}: {e.Message}");
            }
        }
        PinSource = $"root v{root.Version}";
        string extraNote = _extra.Count == 0 ? "" : $"; plus {_extra.Count} --extra-ca for this run only: {string.Join(", ", _extra.Select(CommonName))}";
        if (usable.Count == 0 && _extra.Count > 0)
        {
            _refusal = null;
            _inner.UpdatePinnedAnchors(PinnedAnchorSet.FromPem(_extra));
            return $"pins: root v{root.Version} pins no usable root CA ({string.Join("; ", unusable)}){extraNote}";
        }
        if (usable.Count == 0)
        {
            _refusal = $"root v{root.Version} pins no usable root CA ({string.Join("; ", unusable)}); the device connects to nothing until a newer root fixes its tlsAnchors.";
            return "pins: " + _refusal;
        }
        _refusal = null;
        _inner.UpdatePinnedAnchors(PinnedAnchorSet.FromPem([.. usable, .. _extra]));
        string line = $"pins: {usable.Count} CA(s) from root v{root.Version}: {string.Join(", ", names)}{extraNote}";
        return unusable.Count == 0 ? line : line + $"; ignored {unusable.Count} unusable anchor(s): {string.Join("; ", unusable)}";
    }

    public IHttpResponse Get(string path, long rangeStart, string? ifNoneMatch)
    {
        if (_refusal is not null) throw new TransportException(_refusal);
        Interlocked.Increment(ref _requests);
        return new CountingResponse(_inner.Get(path, rangeStart, ifNoneMatch), count => Interlocked.Add(ref _bytes, count));
    }

    public void Dispose() => _inner.Dispose();

    // The CA's common name for the output line; the whole subject is in TLS errors when it matters.
    private static string CommonName(string pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(pem);
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}
