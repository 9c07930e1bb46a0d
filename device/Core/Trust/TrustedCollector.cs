using System;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The report collector a verified root names (docs/PROTOCOL.md section 5, optional member
    /// <c>collector</c>): its https base URL (ending in "/"), its X25519 public key (the other half of the
    /// device's report MAC key, section 11d.1) and the PEM root CAs that the device trusts for the
    /// collector's host only. Created only by the root reader, after every rule of section 5 passed.
    /// </summary>
    public sealed class TrustedCollector
    {
        private readonly byte[] _key;
        private readonly string[] _tlsAnchors;

        internal TrustedCollector(string url, byte[] key, string[] tlsAnchors)
        {
            Url = url;
            _key = key;
            _tlsAnchors = tlsAnchors;
        }

        /// <summary>The collector's base URL: https, ending in "/"; reports go to Url + "v1/reports".</summary>
        public string Url { get; private set; }

        /// <summary>The URL a report is posted to.</summary>
        public string ReportsUrl { get { return Url + "v1/reports"; } }

        /// <summary>A copy of the collector's 32-byte X25519 public key.</summary>
        public byte[] GetKey()
        {
            byte[] copy = new byte[_key.Length];
            Array.Copy(_key, 0, copy, 0, _key.Length);
            return copy;
        }

        /// <summary>The key itself, for comparisons and HKDF inside the core (never modified).</summary>
        internal byte[] Key { get { return _key; } }

        /// <summary>Number of PEM trust anchors for the collector's host (1 to 8).</summary>
        public int TlsAnchorCount { get { return _tlsAnchors.Length; } }

        /// <summary>PEM certificate of root CA number <paramref name="index"/> for the report transport's TLS client.</summary>
        public string GetTlsAnchor(int index)
        {
            if (index < 0 || index >= _tlsAnchors.Length) throw new ArgumentOutOfRangeException("index");
            return _tlsAnchors[index];
        }
    }
}
