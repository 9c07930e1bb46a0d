using System;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Root metadata that has passed every root check (docs/PROTOCOL.md section 5): its version and
    /// expiry, its two roles resolved to public keys, and the TLS trust anchors. Only
    /// <see cref="RootVerifier"/> creates one, so holding a TrustedRoot means it was verified.
    /// </summary>
    public sealed class TrustedRoot
    {
        private readonly string[] _tlsAnchors;

        internal TrustedRoot(long version, long expires, SigningRole rootRole, SigningRole releaseRole, string[] tlsAnchors, byte[] envelope)
        {
            Version = version;
            Expires = expires;
            RootRole = rootRole;
            ReleaseRole = releaseRole;
            _tlsAnchors = tlsAnchors;
            Envelope = envelope;
        }

        /// <summary>The root version, 1 for the provisioned root.</summary>
        public long Version { get; private set; }

        /// <summary>Unix time (seconds) after which this root is no longer trusted as the newest.</summary>
        public long Expires { get; private set; }

        /// <summary>Keys and threshold that must sign the next root version.</summary>
        public SigningRole RootRole { get; private set; }

        /// <summary>Keys and threshold that must sign channel manifests.</summary>
        public SigningRole ReleaseRole { get; private set; }

        /// <summary>The exact envelope bytes this root was verified from; a device stores these to persist its trust.</summary>
        public byte[] Envelope { get; private set; }

        /// <summary>Number of PEM trust anchors (1 to 8).</summary>
        public int TlsAnchorCount { get { return _tlsAnchors.Length; } }

        /// <summary>PEM certificate of root CA number <paramref name="index"/> for the device's TLS client.</summary>
        public string GetTlsAnchor(int index)
        {
            if (index < 0 || index >= _tlsAnchors.Length) throw new ArgumentOutOfRangeException("index");
            return _tlsAnchors[index];
        }
    }
}
