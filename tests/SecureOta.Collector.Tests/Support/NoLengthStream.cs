namespace SecureOta.Collector.Tests.Support;

/// <summary>A readable stream that hides its length, so HttpClient sends the body chunked (no Content-Length).</summary>
public sealed class NoLengthStream(byte[] content) : MemoryStream(content)
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();
}
