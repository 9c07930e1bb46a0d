using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.KeyTables;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Crypto;
using SecureOta.Tests.Device.Support;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Device;

/// <summary>
/// The split points a root carries for its approval and release keys (docs/PROTOCOL.md section 5, member
/// <c>split</c>): read strictly (R5), used only from a root whose signatures verified, never to check that root's
/// own signatures, and giving the same verdicts as tables computed by doublings.
/// </summary>
public sealed class RootSplitPointsTests : IDisposable
{
    private readonly Ed25519KeyPair _root = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _approval = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _release = Ed25519KeyPair.Generate();
    private readonly MemoryFileStore _flash = new();
    private readonly PreparedKeyStore _store;

    public RootSplitPointsTests()
    {
        _store = PreparedKeyStore.ForDevice(_flash, new SecureOta.Device.Host.DotNetHmacSha256(),
            new SecureOta.Device.Core.Keys.RecipientKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }

    public void Dispose()
    {
        _root.Dispose();
        _approval.Dispose();
        _release.Dispose();
    }

    private static RootMetadata Metadata(long version, byte[] root, byte[] approval, byte[] release) =>
        new(version, TestSite.Now + 86400, TestSite.Product, [root, approval, release],
            new RoleDefinition(1, [KeyId.Of(root)]), new RoleDefinition(1, [KeyId.Of(approval)]), new RoleDefinition(1, [KeyId.Of(release)]),
            [TestDocuments.RootCaPem()]);

    /// <summary>Root payload as the build writes it, changed by <paramref name="edit"/> (keys[0] root, [1] approval, [2] release), signed.</summary>
    private static byte[] SignedRoot(RootMetadata metadata, Action<JsonArray>? edit, params Ed25519KeyPair[] signers)
    {
        JsonNode payload = JsonNode.Parse(RootMetadataWriter.Write(metadata))!;
        edit?.Invoke(payload["keys"]!.AsArray());
        return EnvelopeSigner.Sign(PayloadTypes.Root, Encoding.UTF8.GetBytes(payload.ToJsonString()), signers);
    }

    private byte[] SignedRoot(Action<JsonArray>? edit = null, byte[]? releaseKey = null) =>
        SignedRoot(Metadata(1, _root.PublicKey, _approval.PublicKey, releaseKey ?? _release.PublicKey), edit, _root);

    private static string Split(byte[] key) => Convert.ToHexStringLower(Ed25519SplitPoints.Compute(key)!);

    private static TrustedRoot Load(byte[] envelope)
    {
        Assert.True(RootVerifier.TryLoadTrusted(envelope, out TrustedRoot root, out VerificationFailure failure), failure?.ToString());
        return root;
    }

    private static bool VerifyWith(Ed25519KeyPair key, PreparedKeyStore? store, bool corrupt = false)
    {
        byte[] message = Encoding.UTF8.GetBytes("a channel manifest");
        byte[] signature = key.Sign(message);
        if (corrupt) signature[3] ^= 0x10;
        return Ed25519.Verify(key.PublicKey, signature, message, 0, message.Length, store);
    }

    [Fact]
    public void Build_writes_split_points_that_are_the_keys_multiples_by_2_to_the_64_128_and_192()
    {
        var point = ReferenceEd25519.Decode(_release.PublicKey)!.Value;
        byte[] split = Ed25519SplitPoints.Compute(_release.PublicKey)!;
        for (int c = 1; c <= 3; c++)
        {
            var expected = ReferenceEd25519.Multiply(System.Numerics.BigInteger.One << (64 * c), point);
            Assert.Equal(expected.X, new System.Numerics.BigInteger(split.AsSpan(64 * (c - 1), 32), isUnsigned: true));
            Assert.Equal(expected.Y, new System.Numerics.BigInteger(split.AsSpan(64 * (c - 1) + 32, 32), isUnsigned: true));
        }
    }

    [Fact]
    public void Build_writes_no_split_for_root_keys_nor_for_a_release_key_that_is_no_curve_point()
    {
        byte[] noPoint = new byte[32];
        for (noPoint[0] = 2; ReferenceEd25519.Decode(noPoint) is not null; noPoint[0]++)
        {
        }
        Assert.Null(Ed25519SplitPoints.Compute(noPoint));

        JsonNode payload = JsonNode.Parse(RootMetadataWriter.Write(Metadata(1, _root.PublicKey, _approval.PublicKey, noPoint)))!;
        JsonArray keys = payload["keys"]!.AsArray();
        Assert.Null(keys[0]!["split"]);
        Assert.Equal(Split(_approval.PublicKey), keys[1]!["split"]!.GetValue<string>());
        Assert.Null(keys[2]!["split"]);
    }

    [Fact]
    public void Tables_built_from_a_verified_roots_split_points_give_every_wycheproof_and_rfc8032_verdict()
    {
        var cases = WycheproofVectors.Load("ed25519_test.json").Where(c => c.Bytes("sig").Length == Ed25519.SignatureSize)
            .Select(c => (Key: Convert.FromHexString(c.Group.GetProperty("publicKey").GetProperty("pk").GetString()!), Message: c.Bytes("msg"),
                Signature: c.Bytes("sig"), Valid: c.Result == "valid", Name: "wycheproof " + c.Id))
            .Concat(Rfc8032Vectors.All.Select(v => (Key: v.PublicKey, v.Message, v.Signature, Valid: true, Name: "RFC 8032 " + v.Name)))
            .ToList();
        var differing = new List<string>();
        int fromPoints = 0;
        foreach (var group in cases.GroupBy(c => Convert.ToHexStringLower(c.Key)))
        {
            byte[] key = group.First().Key;
            Ed25519.ForgetPreparedKeys();
            TrustedRoot root = Load(SignedRoot(releaseKey: key));
            bool built = _store.WriteTablesFromPoints(root) > 0 && _flash.Exists(PreparedKeyStore.FileName(key));
            if (built) fromPoints++;
            foreach (var c in group)
            {
                // In RAM straight from the points, then from flash after a reboot: the same verdict as the test vector's.
                for (int round = 0; round < 2; round++)
                {
                    if (round == 1) Ed25519.ForgetPreparedKeys();
                    if (Ed25519.Verify(key, c.Signature, c.Message, 0, c.Message.Length, _store) != c.Valid) differing.Add($"{c.Name} (round {round})");
                    if (round == 1 && built && _store.LastSource != PreparedKeySource.Flash) differing.Add($"{c.Name}: table not from flash");
                }
            }
        }

        Assert.Empty(differing);
        int validKeys = cases.Where(c => c.Valid).Select(c => Convert.ToHexStringLower(c.Key)).Distinct().Count();
        Assert.True(fromPoints >= validKeys, $"only {fromPoints} keys got a table from points, {validKeys} keys have valid signatures");
    }

    [Fact]
    public void Release_and_approval_keys_get_tables_from_a_verified_roots_points_and_root_keys_do_not()
    {
        Ed25519.ForgetPreparedKeys();
        TrustedRoot root = Load(SignedRoot());

        Assert.Equal(2, _store.WriteTablesFromPoints(root));
        Assert.Equal(0, _store.WriteTablesFromPoints(root));
        Assert.True(_flash.Exists(PreparedKeyStore.FileName(_release.PublicKey)));
        Assert.True(_flash.Exists(PreparedKeyStore.FileName(_approval.PublicKey)));
        Assert.False(_flash.Exists(PreparedKeyStore.FileName(_root.PublicKey)));
        Assert.True(VerifyWith(_release, _store));
        Assert.False(VerifyWith(_release, _store, corrupt: true));
        Ed25519.ForgetPreparedKeys();
        Assert.True(VerifyWith(_approval, _store));
        Assert.Equal(PreparedKeySource.Flash, _store.LastSource);
    }

    public static TheoryData<string, string> MalformedSplits => new()
    {
        { "uppercase hex", "UPPER" },
        { "383 digits", "SHORT" },
        { "385 digits", "LONG" },
        { "not a string", "NUMBER" },
        { "a JSON escape", "ESCAPE" },
        { "x equal to p", "X_IS_P" },
        { "bit 255 of y set", "HIGH_BIT" },
        { "2^128 A moved off the curve", "OFF_CURVE" },
    };

    [Theory]
    [MemberData(nameof(MalformedSplits))]
    public void Root_whose_split_member_is_malformed_is_refused_as_malformed(string what, string how)
    {
        string good = Split(_release.PublicKey);
        byte[] envelope = SignedRoot(keys =>
        {
            JsonObject release = keys[2]!.AsObject();
            release["split"] = how switch
            {
                "UPPER" => good.ToUpperInvariant(),
                "SHORT" => good[..^1],
                "LONG" => good + "0",
                "NUMBER" => JsonValue.Create(1),
                "ESCAPE" => "PLACEHOLDER",
                // x of 2^64 A replaced by p = 2^255 - 19, little-endian: refused before the curve equation is tried.
                "X_IS_P" => "ed" + new string('f', 60) + "7f" + good[64..],
                "HIGH_BIT" => good[..126] + (Convert.ToInt32(good[126..128], 16) | 0x80).ToString("x2") + good[128..],
                "OFF_CURVE" => good[..192] + (good[192] == '0' ? '1' : '0') + good[193..],
                _ => throw new ArgumentOutOfRangeException(nameof(how)),
            };
        });
        if (how == "ESCAPE")
            envelope = ReplacePayloadText(envelope, "PLACEHOLDER", "\\u0030" + good[1..]);

        Assert.False(RootVerifier.TryLoadTrusted(envelope, out _, out VerificationFailure failure), what);
        Assert.Equal(VerificationError.Malformed, failure.Error);
        Assert.Equal("R5", failure.Step);
        Assert.Contains("keys[2].split", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The envelope re-signed with one string of its payload replaced (JsonNode would not keep an escape).</summary>
    private byte[] ReplacePayloadText(byte[] envelope, string from, string to)
    {
        JsonNode node = JsonNode.Parse(envelope)!;
        string payload = Encoding.UTF8.GetString(Convert.FromBase64String(node["payload"]!.GetValue<string>()));
        Assert.Contains(from, payload, StringComparison.Ordinal);
        return EnvelopeSigner.Sign(PayloadTypes.Root, Encoding.UTF8.GetBytes(payload.Replace(from, to, StringComparison.Ordinal)), _root);
    }

    [Fact]
    public void Rotation_to_a_root_with_a_malformed_split_member_is_refused_as_malformed()
    {
        TrustedRoot current = Load(SignedRoot());
        using var newRoot = Ed25519KeyPair.Generate();
        byte[] next = SignedRoot(Metadata(2, newRoot.PublicKey, _approval.PublicKey, _release.PublicKey),
            keys => keys[1]!["split"] = Split(_approval.PublicKey)[..^2] + "zz", _root, newRoot);

        Assert.False(RootVerifier.TryAcceptNext(current, next, out TrustedRoot? accepted, out VerificationFailure failure));
        Assert.Null(accepted);
        Assert.Equal(VerificationError.Malformed, failure.Error);
        Assert.Equal("R5", failure.Step);
    }

    [Fact]
    public void Wrong_but_valid_split_points_make_signatures_under_the_key_fail_closed()
    {
        // Points on the curve, canonical, but another key's multiples: a build bug. Nothing checks them against the key,
        // so the table is written; every signature under the key then fails, none passes.
        using var other = Ed25519KeyPair.Generate();
        TrustedRoot root = Load(SignedRoot(keys => keys[2]!["split"] = Split(other.PublicKey)));
        Ed25519.ForgetPreparedKeys();
        Assert.Equal(2, _store.WriteTablesFromPoints(root));

        Assert.False(VerifyWith(_release, _store));
        Ed25519.ForgetPreparedKeys();
        Assert.False(VerifyWith(_release, _store));
        Assert.Equal(PreparedKeySource.Flash, _store.LastSource);
    }

    [Fact]
    public void A_new_roots_own_signatures_are_checked_without_its_split_points()
    {
        // Root 2 carries wrong points for its own root key (the build never writes root keys' points; a forger would).
        // Were R7 to use them, the new root key's valid signature would fail: it verifies, so they were not used.
        TrustedRoot current = Load(SignedRoot());
        using var newRoot = Ed25519KeyPair.Generate();
        using var other = Ed25519KeyPair.Generate();
        var metadata = Metadata(2, newRoot.PublicKey, _approval.PublicKey, _release.PublicKey);
        void BogusRootKeyPoints(JsonArray keys) => keys[0]!["split"] = Split(other.PublicKey);

        Ed25519.ForgetPreparedKeys();
        Assert.True(RootVerifier.TryAcceptNext(current, SignedRoot(metadata, BogusRootKeyPoints, _root, newRoot), out TrustedRoot accepted,
            out VerificationFailure failure), failure?.ToString());
        Ed25519.ForgetPreparedKeys();
        Assert.True(RootVerifier.TryLoadTrusted(accepted.Envelope, out _, out failure), failure?.ToString());

        // And a root 2 whose own signature is bad is refused at R7 whatever points it carries for its keys.
        byte[] unsigned = SignedRoot(metadata, BogusRootKeyPoints, _root, other);
        Assert.False(RootVerifier.TryAcceptNext(current, unsigned, out _, out failure));
        Assert.Equal(VerificationError.SignatureThreshold, failure.Error);
        Assert.Equal("R7", failure.Step);

        // Root keys never get a table from points, bogus or not.
        Assert.Equal(2, _store.WriteTablesFromPoints(accepted));
        Assert.False(_flash.Exists(PreparedKeyStore.FileName(newRoot.PublicKey)));
        Assert.True(VerifyWith(_release, _store));
    }

    [Fact]
    public void Root_without_split_points_loads_and_its_keys_are_prepared_by_doublings_as_before()
    {
        TrustedRoot root = Load(SignedRoot(keys =>
        {
            foreach (JsonNode? key in keys) key!.AsObject().Remove("split");
        }));

        Assert.Equal(0, _store.WriteTablesFromPoints(root));
        Assert.False(_flash.Exists(PreparedKeyStore.FileName(_release.PublicKey)));
        Ed25519.ForgetPreparedKeys();
        Assert.True(VerifyWith(_release, _store));
        Assert.Equal(PreparedKeySource.Computed, _store.LastSource);
    }
}
