using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;
using SecureOta.Tests.Device.Support;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// The trusted root's cached form (root.&lt;N&gt;.cache, docs/PROTOCOL.md "Device storage"): a boot loads it with
/// one HMAC under the device's own key, without JSON or signatures; anything wrong with it falls back to the
/// full verification of root.&lt;N&gt;.json, which writes it again.
/// </summary>
public sealed class TrustedRootCacheTests : IDisposable
{
    private const string EnvelopeName = "root.1.json";
    private const string CacheName = "root.1.cache";

    private readonly TestTrust _trust = new();
    private readonly byte[] _devicePrivateKey = RandomNumberGenerator.GetBytes(32);
    private readonly RecipientKey _deviceKey;
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly MemoryFileStore _flash = new();
    private readonly byte[] _payload;
    private readonly byte[] _rootV1;
    private readonly TrustedRoot _verified;

    public TrustedRootCacheTests()
    {
        _deviceKey = new RecipientKey(_devicePrivateKey);
        JsonObject payload = _trust.RootPayload(1);
        // Two anchors and several keys per role, so every list of the form holds more than one item.
        payload["tlsAnchors"] = new JsonArray(TestDocuments.RootCaPem(), TestDocuments.RootCaPem());
        payload["collector"] = new JsonObject
        {
            ["url"] = "https://collector.example/",
            ["key"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ["tlsAnchors"] = new JsonArray(TestDocuments.RootCaPem(), TestDocuments.RootCaPem()),
        };
        _payload = Encoding.UTF8.GetBytes(payload.ToJsonString());
        _rootV1 = TestEnvelope.Sign(TestEnvelope.RootType, _payload, _trust.RootKeys);
        Assert.True(RootVerifier.TryLoadTrusted(_rootV1, out _verified, out VerificationFailure failure), failure?.ToString());
        // As provisioning leaves it: the envelope, and no cached form (the device key does not exist yet).
        new TrustedRootStore(_flash).Save(_verified);
    }

    public void Dispose() => _trust.Dispose();

    private TrustedRootStore DeviceStore(RecipientKey? key = null) => TrustedRootStore.ForDevice(_flash, _hmac, key ?? _deviceKey);

    private static TrustedRoot Load(TrustedRootStore store, long version = 1)
    {
        Assert.True(store.TryLoad(version, out TrustedRoot root, out string problem), problem);
        return root;
    }

    [Fact]
    public void Cached_root_keeps_every_public_member_of_the_verified_root()
    {
        Load(DeviceStore());
        TrustedRootStore store = DeviceStore();
        TrustedRoot cached = Load(store);

        Assert.Equal(TrustedRootSource.CachedForm, store.LastSource);
        // A member the fixture leaves at its default would pass the comparison untested: give it a value here.
        foreach (var property in PublicState.Properties(typeof(TrustedRoot)))
        {
            object? value = property.GetValue(_verified);
            Assert.True(value is not null && !Equals(value, 0) && !Equals(value, 0L),
                $"the fixture root leaves TrustedRoot.{property.Name} at its default; set it so its round trip is checked");
        }
        PublicState.AssertSame(_verified, cached, "root", new HashSet<string> { nameof(TrustedRoot.Envelope) });
        Assert.Null(cached.Envelope);
        Assert.True(cached.HasSameReleaseRole(_verified));
        // The collector's key has no public property (GetKey copies it): compare it here.
        Assert.Equal(_verified.Collector.GetKey(), cached.Collector.GetKey());
    }

    [Fact]
    public void Boot_loads_the_cached_root_without_parsing_or_checking_the_envelope_signatures()
    {
        Load(DeviceStore());
        // Same length, same payload, signatures that no longer verify: only a load that skips them succeeds.
        byte[] forged = BreakEverySignature(_rootV1);
        Assert.Equal(_rootV1.Length, forged.Length);
        _flash.Write(EnvelopeName, forged);
        TrustedRootStore store = DeviceStore();

        TrustedRoot cached = Load(store);

        Assert.Equal(TrustedRootSource.CachedForm, store.LastSource);
        Assert.Equal(_verified.ReleaseRole.GetKeyId(0), cached.ReleaseRole.GetKeyId(0));
        Assert.False(new TrustedRootStore(_flash).TryLoad(1, out _, out string problem), "the full verification must refuse the forged envelope");
        Assert.Contains("no longer verifies", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_cached_root_is_verified_from_the_envelope_and_written_as_after_a_firmware_update()
    {
        Assert.False(_flash.Exists(CacheName));
        TrustedRootStore first = DeviceStore();

        Load(first);

        Assert.Equal(TrustedRootSource.Envelope, first.LastSource);
        Assert.True(_flash.Exists(CacheName));
        TrustedRootStore second = DeviceStore();
        Load(second);
        Assert.Equal(TrustedRootSource.CachedForm, second.LastSource);
    }

    [Fact]
    public void Tampered_cached_root_is_never_trusted_and_is_rebuilt_from_the_envelope()
    {
        Load(DeviceStore());
        byte[] sound = _flash.Read(CacheName);
        // One flipped bit at spread positions: the format byte, every field region and the tag's last byte.
        var positions = Enumerable.Range(0, sound.Length).Where(i => i % 37 == 0).Append(sound.Length - 1).ToArray();
        foreach (int position in positions)
        {
            byte[] tampered = (byte[])sound.Clone();
            tampered[position] ^= (byte)(1 << (position % 8));
            _flash.Write(CacheName, tampered);
            TrustedRootStore store = DeviceStore();

            TrustedRoot root = Load(store);

            Assert.True(store.LastSource == TrustedRootSource.Envelope, $"a form with byte {position} flipped was used");
            PublicState.AssertSame(_verified, root, $"root (byte {position} flipped)", new HashSet<string>());
            Assert.Equal(sound, _flash.Read(CacheName));
        }
        Assert.True(positions.Length > 20, $"{positions.Length} positions for a {sound.Length}-byte form");
    }

    [Fact]
    public void Cached_root_made_under_another_devices_key_is_refused()
    {
        var otherDevice = new RecipientKey(RandomNumberGenerator.GetBytes(32));
        Load(DeviceStore(otherDevice));
        byte[] foreign = _flash.Read(CacheName);
        TrustedRootStore store = DeviceStore();

        Load(store);

        Assert.Equal(TrustedRootSource.Envelope, store.LastSource);
        Assert.NotEqual(foreign, _flash.Read(CacheName));
        TrustedRootStore again = DeviceStore();
        Load(again);
        Assert.Equal(TrustedRootSource.CachedForm, again.LastSource);
    }

    [Theory]
    [InlineData(0, 1, "the older format byte (no collector)")]
    [InlineData(0, 3, "another format byte")]
    [InlineData(0, 0, "format byte 0")]
    [InlineData(-1, 0, "a trailing byte")]
    public void Cached_root_of_another_format_is_refused_even_under_the_right_key(int position, byte value, string change)
    {
        Load(DeviceStore());
        byte[] file = _flash.Read(CacheName);
        byte[] form = file[..^32];
        form = position < 0 ? [.. form, value] : form.Select((b, i) => i == position ? value : b).ToArray();
        // The tag recomputed under the device's cache key (HKDF-SHA256 of its private key, info "SecureOta/v1/root-cache").
        byte[] key = Hkdf.DeriveKey(_hmac, _devicePrivateKey, null, Encoding.UTF8.GetBytes("SecureOta/v1/root-cache"), 32);
        _flash.Write(CacheName, [.. form, .. HMACSHA256.HashData(key, form)]);
        TrustedRootStore store = DeviceStore();

        Load(store);

        Assert.True(store.LastSource == TrustedRootSource.Envelope, change + " was decoded");
        Assert.Equal(file, _flash.Read(CacheName));
    }

    [Fact]
    public void Cached_root_tag_uses_the_documented_key_derivation()
    {
        Load(DeviceStore());
        byte[] file = _flash.Read(CacheName);
        byte[] key = Hkdf.DeriveKey(_hmac, _devicePrivateKey, null, Encoding.UTF8.GetBytes("SecureOta/v1/root-cache"), 32);

        Assert.Equal(HMACSHA256.HashData(key, file[..^32]), file[^32..]);
        Assert.Equal(2, file[0]);
    }

    [Fact]
    public void A_new_envelope_for_a_version_drops_the_stale_cached_form_first()
    {
        Load(DeviceStore());
        using var otherTrust = new TestTrust();
        Assert.True(RootVerifier.TryLoadTrusted(otherTrust.RootV1, out TrustedRoot other, out _));

        // Provisioning again (no device key yet) with another root 1: the old form must not outlive its envelope.
        new TrustedRootStore(_flash).Save(other);

        Assert.False(_flash.Exists(CacheName));
        TrustedRoot loaded = Load(DeviceStore());
        Assert.Equal(other.RootRole.GetKeyId(0), loaded.RootRole.GetKeyId(0));
    }

    [Fact]
    public void Saving_a_root_loaded_from_its_cached_form_is_refused()
    {
        Load(DeviceStore());
        TrustedRoot cached = Load(DeviceStore());

        Assert.Throws<InvalidOperationException>(() => DeviceStore().Save(cached));
    }

    /// <summary>Changes one base64 letter in every "sig" value (outside any JSON escape), keeping the length.</summary>
    private static byte[] BreakEverySignature(byte[] envelope)
    {
        byte[] copy = (byte[])envelope.Clone();
        string text = Encoding.ASCII.GetString(copy);
        int changed = 0;
        for (int at = text.IndexOf("\"sig\":\"", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\"sig\":\"", at + 1, StringComparison.Ordinal))
        {
            int position = at + 7;
            while (!char.IsAsciiLetter(text[position]) || text[(position - 6)..position].Contains('\\')) position++;
            copy[position] = (byte)(text[position] == 'A' ? 'B' : 'A');
            changed++;
        }
        Assert.Equal(3, changed);
        return copy;
    }
}
