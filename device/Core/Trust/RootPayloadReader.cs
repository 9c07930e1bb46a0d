using System;
using System.Collections;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Step R5: reads a root payload and checks every member against docs/PROTOCOL.md section 5
    /// (protocol version 2): the product, the keys, the three roles (root, approval, release), no key in
    /// two roles, TLS anchors that are PEM-framed DER certificates, and the optional report collector. The result is only a candidate:
    /// <see cref="RootVerifier"/> hands it out after R6 and R7.
    /// </summary>
    internal static class RootPayloadReader
    {
        public const string PayloadTypeName = "secureota/root";
        public const int MaxKeys = 16;
        public const int MaxRoleKeys = 16;
        public const int MaxTlsAnchors = 8;
        public const int MaxTlsAnchorSize = 4096;
        public const int Spec = 2;
        public const int MaxCollectorUrlLength = 256;
        private const string CollectorMember = "collector";
        private const string SplitMember = "split";
        private static readonly Sha256 IdHasher = new Sha256();
        private static readonly byte[] IdDigest = new byte[Sha256.HashSize];
        private const string PemBegin = "-----BEGIN CERTIFICATE-----";
        private const string PemEnd = "-----END CERTIFICATE-----";

        public static bool TryRead(byte[] data, int offset, int count, byte[] envelope, out TrustedRoot candidate, out VerificationFailure failure)
        {
            candidate = null;
            failure = null;
            object document;
            string reason;
            if (!JsonReader.TryParse(data, offset, count, out document, out reason)) return Fail(out failure, "root payload is not valid JSON: " + reason);
            JsonObject top = document as JsonObject;
            if (top == null) return Fail(out failure, "root payload must be a JSON object");

            JsonObjectReader reader = new JsonObjectReader(top, "");
            reader.RequireExactString("type", PayloadTypeName);
            reader.RequireInteger("spec", Spec, Spec);
            string product = reader.RequireString("product");
            long version = reader.RequireInteger("version", 1, JsonReader.MaxInteger);
            long expires = reader.RequireInteger("expires", 0, JsonReader.MaxInteger);
            JsonArray keyArray = reader.RequireArray("keys", 1, MaxKeys);
            JsonObject roles = reader.RequireObject("roles");
            JsonArray anchorArray = reader.RequireArray("tlsAnchors", 1, MaxTlsAnchors);
            if (product != null && !ProductName.IsValid(product)) reader.Fail("product must match [a-z0-9-]{1,32}");
            if (reader.Failed) return Fail(out failure, reader.Reason);

            Hashtable keys = new Hashtable();
            RootKeyPoints points;
            if (!TryReadKeys(keyArray, keys, out points, out failure)) return false;

            JsonObjectReader roleReader = new JsonObjectReader(roles, "roles");
            SigningRole rootRole = ReadRole(roleReader, "root", keys);
            SigningRole approvalRole = ReadRole(roleReader, "approval", keys);
            SigningRole releaseRole = ReadRole(roleReader, "release", keys);
            string[] anchors = ReadAnchors(anchorArray, "tlsAnchors", roleReader);
            if (roleReader.Failed) return Fail(out failure, roleReader.Reason);
            TrustedCollector collector = null;
            if (top.Contains(CollectorMember) && !TryReadCollector(reader, out collector, out failure)) return false;
            if (!CheckRolesDisjoint(rootRole, approvalRole, out failure)) return false;
            if (!CheckRolesDisjoint(rootRole, releaseRole, out failure)) return false;
            if (!CheckRolesDisjoint(approvalRole, releaseRole, out failure)) return false;

            candidate = new TrustedRoot(version, expires, product, rootRole, approvalRole, releaseRole, anchors, collector, envelope);
            candidate.KeyPoints = points;
            return true;
        }

        /// <summary>
        /// No key may hold two roles: a release (CI) key that is also a root or approval key would turn
        /// the theft of the online key into the theft of the offline ones.
        /// </summary>
        private static bool CheckRolesDisjoint(SigningRole first, SigningRole second, out VerificationFailure failure)
        {
            failure = null;
            for (int i = 0; i < first.KeyCount; i++)
            {
                string id = first.GetKeyId(i);
                if (!second.Contains(id)) continue;
                failure = new VerificationFailure(VerificationError.RoleKeyShared, "R5",
                    "key " + id + " is listed in both roles." + first.Name + " and roles." + second.Name +
                    "; a key may hold one role only, so the theft of one key never gives two roles. Sign a root with separate keys.");
                return false;
            }
            return true;
        }

        /// <summary>
        /// Fills keys (id to public key), checking scheme, hex, unique ids and id = hex(SHA256(public)), and notes where
        /// each optional split member is (points is null when no key has one).
        /// </summary>
        private static bool TryReadKeys(JsonArray keyArray, Hashtable keys, out RootKeyPoints points, out VerificationFailure failure)
        {
            failure = null;
            points = null;
            for (int i = 0; i < keyArray.Count; i++)
            {
                string path = "keys[" + i + "]";
                JsonObject item;
                if (!keyArray.TryGetObject(i, out item)) return Fail(out failure, path + " must be an object");
                JsonObjectReader reader = new JsonObjectReader(item, path);
                string id = reader.RequireString("id");
                reader.RequireExactString("scheme", "ed25519");
                byte[] publicKey = reader.RequireHex("public", 32);
                if (id != null && !Hex.IsValid(id, 32)) reader.Fail(path + ".id must be 64 lowercase hex digits");
                if (reader.Failed) return Fail(out failure, reader.Reason);
                if (keys.Contains(id)) return Fail(out failure, path + ".id " + id + " is listed twice");

                if (!IsIdOf(id, publicKey))
                {
                    string actualId = Hex.Encode(Sha256.Hash(publicKey, 0, publicKey.Length));
                    failure = new VerificationFailure(VerificationError.KeyIdMismatch, "R5",
                        path + " is listed under id " + id + " but its public key has id " + actualId +
                        "; the root metadata was built wrongly or altered: re-sign it with the keys' real ids.");
                    return false;
                }
                keys.Add(id, publicKey);
                if (!item.Contains(SplitMember)) continue;
                byte[] payload;
                int at = SplitOffset(item, out payload);
                if (at < 0)
                    return Fail(out failure, path + "." + SplitMember + " must be " + SplitPointsReader.TextLength +
                        " lowercase hex digits: the affine x and y (32 bytes little-endian each, below 2^255 - 19) of 2^64 A, 2^128 A and 2^192 A, each on the curve");
                if (points == null) points = new RootKeyPoints(payload, keyArray.Count);
                points.Add(publicKey, at);
            }
            return true;
        }

        /// <summary>
        /// id (64 lowercase hex digits, already checked) = hex(SHA256(publicKey)), compared digit by digit with one hasher
        /// kept for the purpose: a root's keys cost no hasher, digest or string each (a poll's heap bound, section 11).
        /// </summary>
        private static bool IsIdOf(string id, byte[] publicKey)
        {
            lock (IdHasher)
            {
                IdHasher.Reset();
                IdHasher.Update(publicKey, 0, publicKey.Length);
                IdHasher.Final(IdDigest, 0);
                bool same = true;
                for (int i = 0; i < Sha256.HashSize; i++)
                {
                    same &= Hex.Digits[IdDigest[i] >> 4] == id[2 * i] && Hex.Digits[IdDigest[i] & 15] == id[2 * i + 1];
                }
                return same;
            }
        }

        /// <summary>Where the split member's hex starts in the payload, or -1 when it is not exactly well-formed (no escapes).</summary>
        private static int SplitOffset(JsonObject item, out byte[] data)
        {
            int at;
            int afterEnd;
            if (!item.TryGetStringPosition(SplitMember, out data, out at, out afterEnd)) return -1;
            if (afterEnd - at - 2 != SplitPointsReader.TextLength || !Ed25519.AreSplitPointsValid(data, at + 1)) return -1;
            return at + 1;
        }

        private static SigningRole ReadRole(JsonObjectReader roles, string name, Hashtable keys)
        {
            JsonObject roleObject = roles.RequireObject(name);
            if (roles.Failed) return null;
            string path = roles.PathOf(name);
            JsonObjectReader reader = new JsonObjectReader(roleObject, path);
            long threshold = reader.RequireInteger("threshold", 1, MaxRoleKeys);
            JsonArray keyIds = reader.RequireArray("keyIds", 1, MaxRoleKeys);
            if (reader.Failed)
            {
                roles.Fail(reader.Reason);
                return null;
            }
            if (threshold > keyIds.Count)
            {
                roles.Fail(path + ".threshold " + threshold + " is more than its " + keyIds.Count + " keyIds: the role could never be satisfied");
                return null;
            }

            string[] ids = new string[keyIds.Count];
            byte[][] publicKeys = new byte[keyIds.Count][];
            for (int i = 0; i < ids.Length; i++)
            {
                string id;
                if (!keyIds.TryGetString(i, out id))
                {
                    roles.Fail(path + ".keyIds[" + i + "] must be a string");
                    return null;
                }
                if (!keys.Contains(id))
                {
                    roles.Fail(path + ".keyIds[" + i + "] " + id + " is not listed in keys");
                    return null;
                }
                for (int j = 0; j < i; j++)
                {
                    if (ids[j] == id)
                    {
                        roles.Fail(path + ".keyIds lists " + id + " twice");
                        return null;
                    }
                }
                ids[i] = id;
                publicKeys[i] = (byte[])keys[id];
            }
            return new SigningRole(name, (int)threshold, ids, publicKeys);
        }

        /// <summary>
        /// The optional collector (section 5): an https base URL ending in "/", the collector's X25519 key
        /// and the CAs for its host, checked with the same anchor rules as the site's.
        /// </summary>
        private static bool TryReadCollector(JsonObjectReader top, out TrustedCollector collector, out VerificationFailure failure)
        {
            collector = null;
            failure = null;
            JsonObject value = top.RequireObject(CollectorMember);
            if (top.Failed) return Fail(out failure, top.Reason);
            JsonObjectReader reader = new JsonObjectReader(value, CollectorMember);
            string url = reader.RequireString("url");
            byte[] key = reader.RequireHex("key", 32);
            JsonArray anchorArray = reader.RequireArray("tlsAnchors", 1, MaxTlsAnchors);
            if (url != null && !IsCollectorUrl(url))
                reader.Fail("collector.url must be an https:// URL of at most " + MaxCollectorUrlLength +
                    " visible ASCII characters with a host, no '?', '#', '@' or '\\', ending in '/'");
            if (reader.Failed) return Fail(out failure, reader.Reason);
            string[] anchors = ReadAnchors(anchorArray, "collector.tlsAnchors", reader);
            if (reader.Failed) return Fail(out failure, reader.Reason);
            collector = new TrustedCollector(url, key, anchors);
            return true;
        }

        private static bool IsCollectorUrl(string url)
        {
            const string scheme = "https://";
            if (url.Length > MaxCollectorUrlLength || url.Length < scheme.Length + 2) return false;
            if (url.Substring(0, scheme.Length) != scheme || url[url.Length - 1] != '/') return false;
            // The host: at least one character before the first '/' after the scheme.
            if (url[scheme.Length] == '/') return false;
            for (int i = 0; i < url.Length; i++)
            {
                char c = url[i];
                if (c <= 0x20 || c > 0x7E || c == '?' || c == '#' || c == '@' || c == '\\') return false;
            }
            return true;
        }

        private static string[] ReadAnchors(JsonArray anchorArray, string member, JsonObjectReader failures)
        {
            string[] anchors = new string[anchorArray.Count];
            for (int i = 0; i < anchors.Length; i++)
            {
                string path = member + "[" + i + "]";
                string pem;
                if (!anchorArray.TryGetString(i, out pem))
                {
                    failures.Fail(path + " must be a string");
                    return null;
                }
                if (!IsPemCertificate(pem))
                {
                    failures.Fail(path + " must be one ASCII PEM certificate (BEGIN/END CERTIFICATE) of at most " + MaxTlsAnchorSize + " bytes");
                    return null;
                }
                anchors[i] = pem;
            }
            return anchors;
        }

        /// <summary>ASCII (so characters are bytes), within the size limit, framed as one PEM certificate.</summary>
        private static bool IsPemCertificate(string pem)
        {
            if (pem.Length > MaxTlsAnchorSize) return false;
            for (int i = 0; i < pem.Length; i++)
            {
                if (pem[i] > 0x7E) return false;
            }
            if (pem.Length < PemBegin.Length || pem.Substring(0, PemBegin.Length) != PemBegin) return false;
            int end = pem.IndexOf(PemEnd);
            if (end < PemBegin.Length) return false;
            if (pem.IndexOf(PemBegin, PemBegin.Length) >= 0) return false;
            return StartsWithDerSequence(pem, PemBegin.Length, end);
        }

        /// <summary>
        /// The cheap part of "is this a certificate" that a device can afford: the first base64 quantum of
        /// the body decodes to a DER SEQUENCE with a two-byte length (30 82 hi lo), as every CA certificate
        /// between 256 bytes and 64 KiB starts. The build parses each anchor fully as an X.509 CA
        /// certificate before it signs a root; this catches armour around bytes that are not DER at all.
        /// </summary>
        private static bool StartsWithDerSequence(string pem, int start, int end)
        {
            int i = start;
            while (i < end && (pem[i] == '\n' || pem[i] == '\r')) i++;
            if (end - i < 8) return false;
            byte[] head;
            if (!StrictBase64.TryDecode(pem.Substring(i, 8), out head)) return false;
            return head[0] == 0x30 && head[1] == 0x82 && ((head[2] << 8) | head[3]) >= 0x100;
        }

        private static bool Fail(out VerificationFailure failure, string reason)
        {
            failure = new VerificationFailure(VerificationError.Malformed, "R5",
                reason + ". The root metadata does not follow PROTOCOL.md section 5: rebuild and re-sign it.");
            return false;
        }
    }
}
