using System.Security.Cryptography;
using System.Text;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// device.pub: the device key's public key and id, derived once (X25519 and SHA-256, millions of IL
/// instructions on the device) and stored tagged under a key derived from the private key, so a boot
/// does not derive them again; device.key stays the authority.
/// </summary>
public sealed class DevicePublicKeyStoreTests
{
    private readonly MemoryFileStore _flash = new();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly TestEntropy _entropy = new();

    private RecipientKey Boot(out DeviceKeyOutcome outcome) => new DeviceKeyStore(_flash, _hmac, _entropy).LoadOrCreate(out outcome);

    private byte[] TagKey() =>
        Hkdf.DeriveKey(_hmac, _flash.Read(DeviceKeyStore.FileName)[..32], null, Encoding.UTF8.GetBytes("SecureOta/v1/device-public"), 32);

    [Fact]
    public void First_boot_stores_the_public_key_and_id_tagged_under_the_device_key()
    {
        RecipientKey key = Boot(out _);

        byte[] stored = _flash.Read(DeviceKeyStore.PublicFileName);
        Assert.Equal(96, stored.Length);
        Assert.Equal(key.GetPublicKey(), stored[..32]);
        Assert.Equal(key.GetIdBytes(), stored[32..64]);
        Assert.Equal(HMACSHA256.HashData(TagKey(), stored[..64]), stored[64..]);
    }

    [Fact]
    public void Later_boots_take_the_public_key_from_device_pub_without_deriving_it()
    {
        Boot(out _);
        // A validly tagged file naming another public key: only a boot that does not derive the key returns it.
        byte[] other = new RecipientKey(RandomNumberGenerator.GetBytes(32)).GetPublicKey();
        byte[] body = [.. other, .. SHA256.HashData(other)];
        _flash.Write(DeviceKeyStore.PublicFileName, [.. body, .. HMACSHA256.HashData(TagKey(), body)]);

        RecipientKey loaded = Boot(out DeviceKeyOutcome outcome);

        Assert.Equal(DeviceKeyOutcome.Loaded, outcome);
        Assert.Equal(other, loaded.GetPublicKey());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(other)), loaded.Id);
    }

    [Theory]
    [InlineData(0, "a public key bit")]
    [InlineData(40, "an id bit")]
    [InlineData(95, "a tag bit")]
    public void Damaged_device_pub_is_derived_again_and_rewritten(int position, string damage)
    {
        RecipientKey first = Boot(out _);
        byte[] sound = _flash.Read(DeviceKeyStore.PublicFileName);
        byte[] damaged = (byte[])sound.Clone();
        damaged[position] ^= 0x10;
        _flash.Write(DeviceKeyStore.PublicFileName, damaged);

        RecipientKey loaded = Boot(out DeviceKeyOutcome outcome);

        Assert.Equal(DeviceKeyOutcome.Loaded, outcome);
        Assert.True(first.Id == loaded.Id, damage + " changed the device's id");
        Assert.Equal(first.GetPublicKey(), loaded.GetPublicKey());
        Assert.Equal(sound, _flash.Read(DeviceKeyStore.PublicFileName));
    }

    [Fact]
    public void Device_pub_of_another_key_is_refused_and_a_missing_one_is_written()
    {
        Boot(out _);
        byte[] foreign = _flash.Read(DeviceKeyStore.PublicFileName);
        _flash.Delete(DeviceKeyStore.FileName);
        _flash.Delete(DeviceKeyStore.PublicFileName);
        RecipientKey second = Boot(out _);
        _flash.Write(DeviceKeyStore.PublicFileName, foreign);

        RecipientKey loaded = Boot(out _);

        Assert.Equal(second.GetPublicKey(), loaded.GetPublicKey());
        Assert.NotEqual(foreign, _flash.Read(DeviceKeyStore.PublicFileName));
        _flash.Delete(DeviceKeyStore.PublicFileName);
        Assert.Equal(second.Id, Boot(out _).Id);
        Assert.True(_flash.Exists(DeviceKeyStore.PublicFileName), "a device updated from firmware without device.pub writes it");
    }
}
