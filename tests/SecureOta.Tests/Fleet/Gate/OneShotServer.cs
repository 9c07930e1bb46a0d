using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>A loopback HTTP/1.1 server that answers one request with a fixed 200 body (chunked or with a length) and keeps the request's head.</summary>
internal sealed class OneShotServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    public OneShotServer(byte[] body, bool chunked)
    {
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _serving = Task.Run(() => Serve(body, chunked));
    }

    public string BaseUrl { get; }

    public string Request { get; private set; } = "";

    private void Serve(byte[] body, bool chunked)
    {
        try
        {
            using var client = _listener.AcceptTcpClient();
            using var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && stream.Read(buffer, 0, 1) == 1) head.Append((char)buffer[0]);
            Request = head.ToString();
            var headers = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : $"Content-Length: {body.Length}\r\n\r\n");
            stream.Write(Encoding.ASCII.GetBytes(headers));
            if (!chunked)
            {
                stream.Write(body);
                return;
            }

            for (int offset = 0; offset < body.Length; offset += 1024)
            {
                var count = Math.Min(1024, body.Length - offset);
                stream.Write(Encoding.ASCII.GetBytes($"{count:x}\r\n"));
                stream.Write(body, offset, count);
                stream.Write("\r\n"u8);
            }
            stream.Write("0\r\n\r\n"u8);
        }
        catch (IOException)
        {
            // The client stopped reading at its size bound: expected.
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
