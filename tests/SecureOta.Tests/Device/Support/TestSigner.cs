using System.Security.Cryptography;
using SecureOta.Build.Crypto;

namespace SecureOta.Tests.Device.Support;

/// <summary>A fresh Ed25519 key (NSec) for one test, with its protocol key id. Never persisted.</summary>
public sealed class TestSigner : IDisposable
{
    private readonly Ed25519KeyPair _pair = Ed25519KeyPair.Generate();

    public TestSigner()
    {
        PublicKey = _pair.PublicKey;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKey));
    }

    public byte[] PublicKey { get; }

    /// <summary>hex(SHA256(public key)).</summary>
    public string KeyId { get; }

    public byte[] Sign(byte[] message) => _pair.Sign(message);

    public static TestSigner[] Many(int count) => Enumerable.Range(0, count).Select(_ => new TestSigner()).ToArray();

    public void Dispose() => _pair.Dispose();
}
