using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using SecureOta.Build.Crypto;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Writes the payload bytes of root metadata (docs/PROTOCOL.md section 5): compact UTF-8 JSON with
/// exactly the members of the spec, integers as JSON integers, hex in lowercase. Every rule of
/// section 5 and limit of section 11 is checked first, so the build never signs a root devices reject;
/// a broken rule throws <see cref="ProtocolLimitException"/> naming the member.
/// </summary>
public static class RootMetadataWriter
{
    public const string TypeName = "secureota/root";
    public const int Spec = 2;
    public const string Scheme = "ed25519";

    private const string PemCertificateStart = "-----BEGIN CERTIFICATE-----";
    private const string PemCertificateEnd = "-----END CERTIFICATE-----";

    public static byte[] Write(RootMetadata root)
    {
        ArgumentNullException.ThrowIfNull(root);
        string[] keyIds = Validate(root);

        return CompactJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeName);
            writer.WriteNumber("spec", Spec);
            writer.WriteString("product", root.Product);
            writer.WriteNumber("version", root.Version);
            writer.WriteNumber("expires", root.Expires);
            writer.WriteStartArray("keys");
            for (int i = 0; i < root.PublicKeys.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", keyIds[i]);
                writer.WriteString("scheme", Scheme);
                writer.WriteString("public", Convert.ToHexStringLower(root.PublicKeys[i]));
                if (SplitPointsOf(root, keyIds[i], root.PublicKeys[i]) is { } split) writer.WriteString(SplitMember, Convert.ToHexStringLower(split));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartObject("roles");
            WriteRole(writer, "root", root.Root);
            WriteRole(writer, "approval", root.Approval);
            WriteRole(writer, "release", root.Release);
            writer.WriteEndObject();
            writer.WriteStartArray("tlsAnchors");
            foreach (string anchor in root.TlsAnchors)
            {
                writer.WriteStringValue(anchor);
            }
            writer.WriteEndArray();
            if (root.Collector is { } collector)
            {
                writer.WriteStartObject("collector");
                writer.WriteString("url", collector.Url);
                writer.WriteString("key", Convert.ToHexStringLower(collector.Key));
                writer.WriteStartArray("tlsAnchors");
                foreach (string anchor in collector.TlsAnchors) writer.WriteStringValue(anchor);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        });
    }

    /// <summary>The optional member of a key with its split points (section 5).</summary>
    public const string SplitMember = "split";

    /// <summary>
    /// The split points of a key of the approval or release role (<see cref="Ed25519SplitPoints"/>): devices build those
    /// keys' prepared tables from them when they accept the root. None for root-role keys (a device never uses a
    /// root's points for its root role, so they would only take room under the 20 KiB limit) nor for a key that is
    /// not a curve point.
    /// </summary>
    private static byte[]? SplitPointsOf(RootMetadata root, string keyId, byte[] publicKey)
    {
        bool verifiesEveryPoll = root.Approval.KeyIds.Contains(keyId, StringComparer.Ordinal) || root.Release.KeyIds.Contains(keyId, StringComparer.Ordinal);
        return verifiesEveryPoll ? Ed25519SplitPoints.Compute(publicKey) : null;
    }

    private static void WriteRole(Utf8JsonWriter writer, string name, RoleDefinition role)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("threshold", role.Threshold);
        writer.WriteStartArray("keyIds");
        foreach (string keyId in role.KeyIds)
        {
            writer.WriteStringValue(keyId);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Checks section 5 and returns the key ids of the public keys, in order.</summary>
    private static string[] Validate(RootMetadata root)
    {
        if (root.Version < 1 || root.Version > ProtocolLimits.MaxJsonInteger)
            throw new ProtocolLimitException("version", $"{root.Version} is outside 1..{ProtocolLimits.MaxJsonInteger}");
        PayloadRules.RequireJsonInteger("expires", root.Expires);
        if (!ProtocolNames.IsChannel(root.Product))
            throw new ProtocolLimitException("product", $"\"{root.Product}\" is not 1 to 32 of [a-z0-9-]");

        ArgumentNullException.ThrowIfNull(root.PublicKeys, nameof(root.PublicKeys));
        PayloadRules.RequireCount("keys", root.PublicKeys.Count, 1, ProtocolLimits.MaxRootKeys);
        var keyIds = new string[root.PublicKeys.Count];
        for (int i = 0; i < keyIds.Length; i++)
        {
            byte[] key = root.PublicKeys[i];
            if (key is null || key.Length != KeyId.PublicKeySize)
                throw new ProtocolLimitException($"keys[{i}].public", $"an Ed25519 public key is {KeyId.PublicKeySize} bytes");
            keyIds[i] = KeyId.Of(key);
            if (Array.IndexOf(keyIds, keyIds[i], 0, i) >= 0)
                throw new ProtocolLimitException($"keys[{i}].id", $"key {keyIds[i]} is listed twice");
        }

        ValidateRole("roles.root", root.Root, keyIds);
        ValidateRole("roles.approval", root.Approval, keyIds);
        ValidateRole("roles.release", root.Release, keyIds);
        RequireDisjoint(("root", root.Root), ("approval", root.Approval), ("release", root.Release));

        ArgumentNullException.ThrowIfNull(root.TlsAnchors, nameof(root.TlsAnchors));
        PayloadRules.RequireCount("tlsAnchors", root.TlsAnchors.Count, 1, ProtocolLimits.MaxTlsAnchors);
        for (int i = 0; i < root.TlsAnchors.Count; i++)
        {
            ValidateAnchor($"tlsAnchors[{i}]", root.TlsAnchors[i]);
        }
        if (root.Collector is not null) ValidateCollector(root.Collector);
        return keyIds;
    }

    /// <summary>The collector's URL, key and anchors, by the rules a device applies (section 5), so the build never signs one a device refuses.</summary>
    private static void ValidateCollector(RootCollector collector)
    {
        if (!IsCollectorUrl(collector.Url))
            throw new ProtocolLimitException("collector.url",
                $"\"{collector.Url}\" is not an https:// base URL with a host, ending in '/', of at most {MaxCollectorUrlLength} visible ASCII characters without '?', '#', '@' or '\\'");
        if (collector.Key is null || collector.Key.Length != KeyId.PublicKeySize)
            throw new ProtocolLimitException("collector.key", $"an X25519 public key is {KeyId.PublicKeySize} bytes");
        if (collector.Key.All(b => b == 0)) throw new ProtocolLimitException("collector.key", "the all-zero key shares no secret with any device");
        ArgumentNullException.ThrowIfNull(collector.TlsAnchors, nameof(collector.TlsAnchors));
        PayloadRules.RequireCount("collector.tlsAnchors", collector.TlsAnchors.Count, 1, ProtocolLimits.MaxTlsAnchors);
        for (int i = 0; i < collector.TlsAnchors.Count; i++)
        {
            ValidateAnchor($"collector.tlsAnchors[{i}]", collector.TlsAnchors[i]);
        }
    }

    /// <summary>Longest collector URL a device accepts.</summary>
    public const int MaxCollectorUrlLength = 256;

    /// <summary>The device's URL rule (RootPayloadReader), plus a URI parse with a host.</summary>
    public static bool IsCollectorUrl(string? url)
    {
        if (url is null || url.Length > MaxCollectorUrlLength || !url.StartsWith("https://", StringComparison.Ordinal) || !url.EndsWith('/')) return false;
        if (url.Any(c => c <= ' ' || c > '~' || c is '?' or '#' or '@' or '\\')) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && url["https://".Length] != '/';
    }

    /// <summary>No key in two roles: the theft of the online release key must never be the theft of an offline role.</summary>
    private static void RequireDisjoint(params (string Name, RoleDefinition Role)[] roles)
    {
        for (int i = 0; i < roles.Length; i++)
        {
            for (int j = i + 1; j < roles.Length; j++)
            {
                var shared = roles[i].Role.KeyIds.Intersect(roles[j].Role.KeyIds, StringComparer.Ordinal).FirstOrDefault();
                if (shared is not null)
                    throw new ProtocolLimitException($"roles.{roles[j].Name}.keyIds",
                        $"key {shared} is also in roles.{roles[i].Name}; a key may hold one role only (use a separate key for each role)");
            }
        }
    }

    private static void ValidateRole(string member, RoleDefinition role, string[] listedKeyIds)
    {
        if (role is null) throw new ProtocolLimitException(member, "the role is required");
        if (role.KeyIds is null) throw new ProtocolLimitException(member + ".keyIds", "the key ids are required");
        PayloadRules.RequireCount(member + ".keyIds", role.KeyIds.Count, 1, ProtocolLimits.MaxRootKeys);
        for (int i = 0; i < role.KeyIds.Count; i++)
        {
            string keyId = role.KeyIds[i];
            string at = $"{member}.keyIds[{i}]";
            PayloadRules.RequireHexString(at, keyId, KeyId.PublicKeySize);
            if (Array.IndexOf(listedKeyIds, keyId) < 0)
                throw new ProtocolLimitException(at, $"key {keyId} is not listed in keys");
            for (int j = 0; j < i; j++)
            {
                if (role.KeyIds[j] == keyId) throw new ProtocolLimitException(at, $"key {keyId} is listed twice in the role");
            }
        }
        if (role.Threshold < 1 || role.Threshold > role.KeyIds.Count)
            throw new ProtocolLimitException(member + ".threshold", $"{role.Threshold} is outside 1..{role.KeyIds.Count} (the number of key ids)");
    }

    /// <summary>
    /// One PEM certificate within the size cap, of a root CA (self-issued, basic constraints CA): the
    /// design pins root CAs only, so a leaf or intermediate here is a mistake that would break devices'
    /// TLS at the next certificate renewal.
    /// </summary>
    private static void ValidateAnchor(string member, string anchor)
    {
        if (string.IsNullOrEmpty(anchor)) throw new ProtocolLimitException(member, "an anchor must be a PEM certificate");
        int size = Encoding.UTF8.GetByteCount(anchor);
        if (size > ProtocolLimits.MaxTlsAnchorSize)
            throw new ProtocolLimitException(member, $"{size} bytes; a TLS anchor is at most {ProtocolLimits.MaxTlsAnchorSize}");
        string trimmed = anchor.Trim();
        bool single = trimmed.StartsWith(PemCertificateStart, StringComparison.Ordinal)
            && trimmed.EndsWith(PemCertificateEnd, StringComparison.Ordinal)
            && trimmed.IndexOf(PemCertificateStart, 1, StringComparison.Ordinal) < 0;
        if (!single) throw new ProtocolLimitException(member, "an anchor must be exactly one PEM CERTIFICATE block");

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(anchor);
        }
        catch (CryptographicException e)
        {
            throw new ProtocolLimitException(member, "the PEM certificate does not parse: " + e.Message);
        }
        using (certificate)
        {
            bool isCa = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(c => c.CertificateAuthority);
            bool selfIssued = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
            if (!isCa || !selfIssued)
                throw new ProtocolLimitException(member, $"\"{certificate.Subject}\" is not a root CA (pin root CAs, never a leaf or intermediate)");
        }
    }
}
