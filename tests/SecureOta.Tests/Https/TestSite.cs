using System.Security.Cryptography;
using SecureOta.Build.LocalServer;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host.Http;

namespace SecureOta.Tests.Https;

/// <summary>
/// A small site in a temporary folder, laid out like the build's output (ota/v2/...), with a TEST CA
/// to serve it over HTTPS. Disposing deletes the folder; servers are stopped by their own tests.
/// </summary>
internal sealed class TestSite : IDisposable
{
    public const string ManifestPath = "channels/stable.json";
    public const string BlobPath = "blobs/0123456789abcdef";
    public const string OtherPath = "other.bin";
    public const string OtaPrefix = "ota/v2/";

    public TestSite()
    {
        Folder = Directory.CreateTempSubdirectory("secureota-https-").FullName;
        Manifest = "{\"payloadType\":\"application/vnd.secureota.channel+json\",\"payload\":\"e30=\",\"signatures\":[]}"u8.ToArray();
        Blob = RandomNumberGenerator.GetBytes(200_000);
        Other = RandomNumberGenerator.GetBytes(5_000);
        Write(ManifestPath, Manifest);
        Write(BlobPath, Blob);
        Write(OtherPath, Other);
        Authority = TestCertificateAuthority.Create();
    }

    public string Folder { get; }

    public byte[] Manifest { get; }

    public byte[] Blob { get; }

    public byte[] Other { get; }

    public TestCertificateAuthority Authority { get; }

    /// <summary>The file on disk behind an OTA path.</summary>
    public string FileFor(string otaPath) => Path.Combine(Folder, OtaPrefix, otaPath);

    public Task<LocalSiteServer> StartAsync() => LocalSiteServer.StartHttpsAsync(Folder, Authority.ServerCertificate);

    /// <summary>A transport for the server's OTA base URL, pinned to this site's TEST CA unless other pins are given.</summary>
    public PinnedHttpsTransport TransportFor(LocalSiteServer server, IEnumerable<string>? pins = null, PinnedHttpsTransportOptions? options = null) =>
        new(server.UrlFor(OtaPrefix), pins ?? [Authority.RootCertificatePem], options);

    /// <summary>Reads a body to its end in small reads, as the device does.</summary>
    public static byte[] ReadAll(IHttpResponse response)
    {
        var body = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = response.Read(buffer, 0, buffer.Length)) > 0) body.Write(buffer, 0, read);
        return body.ToArray();
    }

    /// <summary>Reads until the transport fails, returning what arrived before; fails the test if the body ends normally.</summary>
    public static (byte[] Received, TransportException Error) ReadUntilFailure(IHttpResponse response)
    {
        var body = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            int read;
            try
            {
                read = response.Read(buffer, 0, buffer.Length);
            }
            catch (TransportException e)
            {
                return (body.ToArray(), e);
            }
            Assert.True(read > 0, $"the body ended normally after {body.Length} bytes instead of failing");
            body.Write(buffer, 0, read);
        }
    }

    public void Dispose()
    {
        Authority.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private void Write(string otaPath, byte[] content)
    {
        var path = FileFor(otaPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }
}
