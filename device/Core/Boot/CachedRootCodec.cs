using System;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The compact binary form of a verified <see cref="TrustedRoot"/> kept beside its envelope
    /// (docs/PROTOCOL.md, "Device storage"), so a boot decodes it without JSON or signature checks.
    /// <see cref="Transfer"/> lists every field once, for measuring, writing and reading alike.
    /// To add a TrustedRoot field: pass it through <see cref="Transfer"/> and raise
    /// <see cref="FormatVersion"/>; a form of another format byte decodes as bad, so devices rebuild it from
    /// the envelope at their next boot. TrustedRootCacheTests compares every public property after a round trip.
    /// </summary>
    internal static class CachedRootCodec
    {
        /// <summary>The form's first byte. 2: the fields of protocol version 2's root, with its optional collector (section 5).</summary>
        internal const int FormatVersion = 2;

        /// <summary>Keys of one role and TLS anchors a form may hold (the bounds of RootPayloadReader).</summary>
        private const int MaxKeys = 16;
        private const int MaxAnchors = 8;
        private const int PublicKeySize = 32;

        /// <summary>The form's bytes, without the tag; <paramref name="envelopeLength"/> binds it to its envelope file.</summary>
        internal static byte[] Encode(TrustedRoot root, long envelopeLength)
        {
            if (root == null) throw new ArgumentNullException("root");
            CachedRootCursor measure = CachedRootCursor.ForMeasuring();
            Transfer(measure, root, envelopeLength);
            byte[] form = new byte[measure.Position];
            CachedRootCursor writer = CachedRootCursor.ForWriting(form);
            Transfer(writer, root, envelopeLength);
            return form;
        }

        /// <summary>The root a form holds, or null when its bytes are not a whole form of this format for that envelope length.</summary>
        internal static TrustedRoot Decode(byte[] form, long envelopeLength)
        {
            if (form == null) throw new ArgumentNullException("form");
            CachedRootCursor reader = CachedRootCursor.ForReading(form);
            TrustedRoot root;
            try
            {
                root = Transfer(reader, null, envelopeLength);
            }
            catch (ArgumentException)
            {
                // SigningRole refuses what no verified root holds (duplicate ids, a threshold above the keys).
                return null;
            }
            return reader.EndedExactly ? root : null;
        }

        /// <summary>
        /// Every field in order. Writing: <paramref name="root"/> is the source and is returned. Reading:
        /// root is null, and the decoded root is returned (null when anything failed).
        /// </summary>
        private static TrustedRoot Transfer(CachedRootCursor io, TrustedRoot root, long envelopeLength)
        {
            bool reading = io.IsReading;
            if (io.Byte(FormatVersion) != FormatVersion) return null;
            if (io.Int64(envelopeLength) != envelopeLength) return null;
            long version = io.Int64(reading ? 0 : root.Version);
            long expires = io.Int64(reading ? 0 : root.Expires);
            string product = io.Text(reading ? null : root.Product);
            SigningRole rootRole = Role(io, reading ? null : root.RootRole);
            SigningRole approvalRole = Role(io, reading ? null : root.ApprovalRole);
            SigningRole releaseRole = Role(io, reading ? null : root.ReleaseRole);
            int anchorCount = io.Count(reading ? 0 : root.TlsAnchorCount, MaxAnchors);
            string[] anchors = new string[anchorCount];
            for (int i = 0; i < anchorCount; i++) anchors[i] = io.Text(reading ? null : root.GetTlsAnchor(i));
            TrustedCollector collector = Collector(io, reading ? null : root.Collector);
            if (!reading) return root;
            if (io.Failed || rootRole == null || approvalRole == null || releaseRole == null) return null;
            // The envelope stays in root.<N>.json: a root from this form is never stored again (TrustedRootStore.Save).
            return new TrustedRoot(version, expires, product, rootRole, approvalRole, releaseRole, anchors, collector, null);
        }

        /// <summary>A presence byte (0 or 1), then the collector's URL, key and anchors.</summary>
        private static TrustedCollector Collector(CachedRootCursor io, TrustedCollector collector)
        {
            bool reading = io.IsReading;
            int present = io.Byte(reading || collector == null ? 0 : 1);
            if (present == 0) return null;
            if (present != 1)
            {
                io.Fail();
                return null;
            }
            string url = io.Text(reading ? null : collector.Url);
            byte[] key = io.Fixed(reading ? null : collector.Key, PublicKeySize);
            int count = io.Count(reading ? 0 : collector.TlsAnchorCount, MaxAnchors);
            string[] anchors = new string[count];
            for (int i = 0; i < count; i++) anchors[i] = io.Text(reading ? null : collector.GetTlsAnchor(i));
            if (!reading) return collector;
            // A verified collector has 1 to 8 anchors: a form without any is not one this codec wrote.
            if (count == 0) io.Fail();
            return io.Failed ? null : new TrustedCollector(url, key, anchors);
        }

        private static SigningRole Role(CachedRootCursor io, SigningRole role)
        {
            bool reading = io.IsReading;
            string name = io.Text(reading ? null : role.Name);
            int threshold = io.Byte(reading ? 0 : role.Threshold);
            int count = io.Count(reading ? 0 : role.KeyCount, MaxKeys);
            string[] ids = new string[count];
            byte[][] keys = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                ids[i] = io.Text(reading ? null : role.GetKeyId(i));
                keys[i] = io.Fixed(reading ? null : role.GetPublicKey(i), PublicKeySize);
            }
            if (!reading) return role;
            if (io.Failed) return null;
            return new SigningRole(name, threshold, ids, keys);
        }
    }
}
