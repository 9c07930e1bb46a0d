namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>What a <see cref="SiteTransport"/> does wrong for one path (a hostile server, a flaky network).</summary>
public sealed class SiteFault
{
    /// <summary>The connection drops (TransportException) after this many body bytes of a response; -1 never.</summary>
    public long DropAfterBytes { get; init; } = -1;

    /// <summary>How many responses drop before the network behaves; int.MaxValue for every one.</summary>
    public int Drops { get; init; } = 1;

    /// <summary>Answers 200 with the whole body to a Range request.</summary>
    public bool IgnoreRange { get; init; }

    /// <summary>Answers 206 with a Content-Range start this far from the one asked for.</summary>
    public long ShiftRange { get; init; }

    /// <summary>Serves these bytes instead of the published ones.</summary>
    public byte[]? Replace { get; init; }

    /// <summary>Answers 404.</summary>
    public bool NotFound { get; init; }

    /// <summary>Answers this status with an empty body.</summary>
    public int Status { get; init; }

    /// <summary>Sends no Content-Length.</summary>
    public bool OmitContentLength { get; init; }

    /// <summary>Bytes the body really has when it is not what was published.</summary>
    public byte[] Apply(byte[] body) => Replace ?? body;

    public static SiteFault FlipByte(byte[] body, int offset)
    {
        byte[] copy = (byte[])body.Clone();
        copy[offset] ^= 0x01;
        return new SiteFault { Replace = copy };
    }

    public static SiteFault Truncate(byte[] body, int length) => new() { Replace = body[..length] };

    public static SiteFault Extend(byte[] body, int extra) => new() { Replace = [.. body, .. new byte[extra]] };
}
