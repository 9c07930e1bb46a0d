using System;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Root metadata that has passed every root check (docs/PROTOCOL.md section 5): its version and
    /// expiry, the product it governs, its three roles resolved to public keys (root, approval,
    /// release), the TLS trust anchors, and the optional report collector. Only
    /// <see cref="RootVerifier"/> creates one, so holding a TrustedRoot means it was verified.
    /// </summary>
    public sealed class TrustedRoot
    {
        private readonly string[] _tlsAnchors;

        internal TrustedRoot(long version, long expires, string product, SigningRole rootRole, SigningRole approvalRole,
            SigningRole releaseRole, string[] tlsAnchors, byte[] envelope)
            : this(version, expires, product, rootRole, approvalRole, releaseRole, tlsAnchors, null, envelope)
        {
        }

        internal TrustedRoot(long version, long expires, string product, SigningRole rootRole, SigningRole approvalRole,
            SigningRole releaseRole, string[] tlsAnchors, TrustedCollector collector, byte[] envelope)
        {
            Version = version;
            Expires = expires;
            Product = product;
            RootRole = rootRole;
            ApprovalRole = approvalRole;
            ReleaseRole = releaseRole;
            _tlsAnchors = tlsAnchors;
            Collector = collector;
            Envelope = envelope;
        }

        /// <summary>The root version, 1 for the provisioned root.</summary>
        public long Version { get; private set; }

        /// <summary>Unix time (seconds) after which this root is no longer trusted as the newest.</summary>
        public long Expires { get; private set; }

        /// <summary>Keys and threshold that must sign the next root version.</summary>
        public SigningRole RootRole { get; private set; }

        /// <summary>The product id ([a-z0-9-]{1,32}); fixed for the whole root chain, and every manifest and approval must name it.</summary>
        public string Product { get; private set; }

        /// <summary>Offline maintainers' keys and threshold that must approve a release before any device installs it.</summary>
        public SigningRole ApprovalRole { get; private set; }

        /// <summary>The online (CI) keys and threshold that must sign channel manifests.</summary>
        public SigningRole ReleaseRole { get; private set; }

        /// <summary>
        /// The exact envelope bytes this root was verified from; a device stores these to persist its trust.
        /// Null for a root loaded from the device's cached form (Boot.TrustedRootStore): its envelope is already stored.
        /// </summary>
        public byte[] Envelope { get; private set; }

        /// <summary>The report collector this root names, or null: then the device sends no reports (PROTOCOL.md section 11d).</summary>
        public TrustedCollector Collector { get; private set; }

        /// <summary>
        /// Where the split points of the keys sit in the verified payload, or null (none, a root from its cached form,
        /// or already used): <see cref="KeyTables.PreparedKeyStore.WriteTablesFromPoints"/> builds the release and
        /// approval keys' tables from them once and clears this, releasing the payload.
        /// </summary>
        internal RootKeyPoints KeyPoints { get; set; }

        /// <summary>Number of PEM trust anchors (1 to 8).</summary>
        public int TlsAnchorCount { get { return _tlsAnchors.Length; } }

        /// <summary>
        /// True when <paramref name="other"/>'s release role has the same threshold and the same key ids.
        /// A root that changes the release role resets the device's manifest floors (sequence and issued),
        /// which is how a leaked CI key's far-future manifests are undone (PROTOCOL.md section 9).
        /// </summary>
        public bool HasSameReleaseRole(TrustedRoot other)
        {
            if (other == null) throw new ArgumentNullException("other");
            SigningRole mine = ReleaseRole;
            SigningRole theirs = other.ReleaseRole;
            if (mine.Threshold != theirs.Threshold || mine.KeyCount != theirs.KeyCount) return false;
            for (int i = 0; i < mine.KeyCount; i++)
            {
                if (!theirs.Contains(mine.GetKeyId(i))) return false;
            }
            return true;
        }

        /// <summary>PEM certificate of root CA number <paramref name="index"/> for the device's TLS client.</summary>
        public string GetTlsAnchor(int index)
        {
            if (index < 0 || index >= _tlsAnchors.Length) throw new ArgumentOutOfRangeException("index");
            return _tlsAnchors[index];
        }
    }
}
