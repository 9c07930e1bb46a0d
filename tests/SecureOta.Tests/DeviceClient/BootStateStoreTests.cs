using System.Security.Cryptography;
using System.Text;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>The boot state on flash: two copies, newest valid wins, a damaged copy is ignored, and never "no state" once provisioned.</summary>
public sealed class BootStateStoreTests
{
    private readonly MemoryFileStore _flash = new();
    private readonly DotNetHmacSha256 _hmac = new();

    private BootStateStore Store => new(_flash, _hmac);

    private BootState Load(out BootStateSource source)
    {
        var state = new BootState();
        source = Store.Load(state);
        return state;
    }

    /// <summary>Factory state, then <paramref name="writes"/> saves, each with a new highest sequence (the save number).</summary>
    private void Provision(int writes)
    {
        var state = new BootState();
        Assert.True(Store.WriteFactory(state));
        BootStateStore store = Store;
        store.Load(state);
        for (int i = 1; i <= writes; i++)
        {
            state.MoveTo(UpdatePhase.ManifestFetched);
            state.MoveTo(UpdatePhase.Idle);
            SetHighest(state, i);
            store.Save(state);
        }
    }

    private static void SetHighest(BootState state, long value) =>
        typeof(BootState).GetProperty(nameof(BootState.HighestSequence))!.SetValue(state, value);

    private static byte[] Resign(byte[] encoded)
    {
        byte[] copy = (byte[])encoded.Clone();
        int covered = copy.Length - 32;
        HMACSHA256.HashData(Encoding.ASCII.GetBytes("SecureOta/v1/boot-state"), copy.AsSpan(0, covered), copy.AsSpan(covered, 32));
        return copy;
    }

    /// <summary>The format 1 copy (283 bytes, before the rejected image) of a format 2 copy: its first 251 bytes, re-signed.</summary>
    private static byte[] AsFormat1(byte[] format2)
    {
        byte[] old = new byte[283];
        Array.Copy(format2, old, 251);
        old[0] = 1;
        return Resign(old);
    }

    [Fact]
    public void Nothing_stored_means_not_provisioned()
    {
        Load(out BootStateSource source);

        Assert.Equal(BootStateSource.None, source);
    }

    [Fact]
    public void Factory_state_is_slot_A_confirmed_with_root_1()
    {
        Provision(0);

        BootState state = Load(out BootStateSource source);

        Assert.Equal(BootStateSource.Factory, source);
        Assert.Equal((UpdatePhase.Idle, SlotId.A, true, 1L, 0L), (state.Phase, state.ActiveSlot, state.Confirmed, state.TrustedRootVersion, state.WriteSequence));
    }

    [Fact]
    public void Factory_state_is_write_once()
    {
        Provision(0);
        byte[] before = _flash.Read(BootStateStore.FactoryName);

        Assert.False(Store.WriteFactory(new BootState()));
        Assert.Equal(before, _flash.Read(BootStateStore.FactoryName));
    }

    [Fact]
    public void Writes_alternate_between_the_copies_and_the_newest_wins()
    {
        Provision(5);

        BootState state = Load(out BootStateSource source);

        Assert.Equal((BootStateSource.Copy1, 5L, 5L), (source, state.WriteSequence, state.HighestSequence));
        var older = new BootState();
        Assert.True(BootStateCodec.TryDecode(_flash.Read(BootStateStore.Copy0Name), BootStateCodec.EncodedSize, _hmac, new byte[32], older));
        Assert.Equal(4, older.WriteSequence);
    }

    [Fact]
    public void Torn_newest_copy_is_ignored_and_the_previous_state_wins()
    {
        Provision(5);
        _flash.Write(BootStateStore.Copy1Name, _flash.Read(BootStateStore.Copy1Name)[..140]);

        BootState state = Load(out BootStateSource source);

        Assert.Equal((BootStateSource.Copy0, 4L), (source, state.HighestSequence));
    }

    [Fact]
    public void Copy_with_one_flipped_bit_is_ignored()
    {
        Provision(4);
        byte[] copy = _flash.Read(BootStateStore.Copy0Name);
        copy[20] ^= 0x04;
        _flash.Write(BootStateStore.Copy0Name, copy);

        BootState state = Load(out BootStateSource source);

        Assert.Equal((BootStateSource.Copy1, 3L), (source, state.HighestSequence));
    }

    [Fact]
    public void Copy_longer_than_a_state_is_ignored()
    {
        Provision(4);
        _flash.Write(BootStateStore.Copy0Name, [.. _flash.Read(BootStateStore.Copy0Name), 0]);

        Assert.Equal(3, Load(out _).HighestSequence);
    }

    [Fact]
    public void Both_copies_unreadable_decode_to_the_factory_state_never_to_no_state()
    {
        Provision(3);
        _flash.Write(BootStateStore.Copy0Name, new byte[BootStateCodec.EncodedSize]);
        _flash.Delete(BootStateStore.Copy1Name);

        BootState state = Load(out BootStateSource source);

        Assert.Equal((BootStateSource.Factory, 0L), (source, state.HighestSequence));
    }

    [Fact]
    public void Save_after_a_fallback_never_overwrites_the_copy_it_loaded()
    {
        Provision(5);
        _flash.Write(BootStateStore.Copy1Name, [1, 2, 3]);
        BootStateStore store = Store;
        var state = new BootState();
        Assert.Equal(BootStateSource.Copy0, store.Load(state));

        store.Save(state);

        Assert.Equal(5, state.WriteSequence);
        var reloaded = Load(out BootStateSource source);
        Assert.Equal((BootStateSource.Copy1, 5L), (source, reloaded.WriteSequence));
    }

    [Theory]
    [InlineData(9, 0)]    // phase 0
    [InlineData(9, 10)]   // phase beyond Reverted
    [InlineData(9, 2)]    // ManifestFetched is transient, never stored
    [InlineData(9, 5)]    // Staged is transient, never stored
    [InlineData(10, 3)]   // active slot 3
    [InlineData(10, 0)]   // no active slot
    [InlineData(11, 1)]   // trial slot = active slot
    [InlineData(12, 2)]   // confirmed flag 2
    [InlineData(134, 1)]  // resume slot = active slot
    [InlineData(0, 4)]    // unknown format
    [InlineData(0, 1)]    // format 1 at format 3's size
    [InlineData(0, 2)]    // format 2 at format 3's size
    [InlineData(0, 0)]    // no format
    [InlineData(14, 0x80)] // sequence above 2^53
    public void Unknown_or_contradictory_values_on_flash_decode_as_invalid_even_with_a_valid_digest(int offset, byte value)
    {
        Provision(2);
        byte[] encoded = _flash.Read(BootStateStore.Copy0Name);
        encoded[offset] = value;
        byte[] forged = Resign(encoded);
        var target = new BootState();

        Assert.False(BootStateCodec.TryDecode(forged, forged.Length, _hmac, new byte[32], target));
        Assert.True(BootStateCodec.TryDecode(Resign(_flash.Read(BootStateStore.Copy0Name)), BootStateCodec.EncodedSize, _hmac, new byte[32], target),
            "the unmodified copy, re-signed the same way, must decode");
    }

    [Fact]
    public void Random_bytes_never_decode_and_never_throw()
    {
        var random = new Random(7);
        var target = new BootState();
        for (int i = 0; i < 2000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 2) == 0 ? BootStateCodec.EncodedSize : random.Next(0, 400)];
            random.NextBytes(bytes);
            if (bytes.Length > 0) bytes[0] = BootStateCodec.Format;
            Assert.False(BootStateCodec.TryDecode(bytes, bytes.Length, _hmac, new byte[32], target));
        }
    }

    [Fact]
    public void Encoding_is_356_bytes_with_format_sequence_and_digest_where_documented()
    {
        Provision(1);
        byte[] encoded = _flash.Read(BootStateStore.Copy1Name);

        Assert.Equal(356, encoded.Length);
        Assert.Equal(3, encoded[0]);
        Assert.Equal(1L, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(encoded.AsSpan(1)));
        Assert.Equal(1L, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(encoded.AsSpan(14)));
        Assert.Equal(Resign(encoded), encoded);
    }

    [Fact]
    public void Rejected_image_digest_is_stored_at_offset_251_and_read_back()
    {
        Provision(1);
        var state = Load(out _);
        byte[] digest = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        state.RejectImage(digest);
        Store.Save(state);

        byte[] encoded = _flash.Read(BootStateStore.Copy0Name);
        BootState reloaded = Load(out BootStateSource source);

        Assert.Equal(digest, encoded[251..283]);
        Assert.Equal(BootStateSource.Copy0, source);
        Assert.True(reloaded.IsRejected(digest));
    }

    [Fact]
    public void Format_1_copy_written_before_the_rejected_field_decodes_with_no_rejected_image()
    {
        Provision(3);
        var expected = Load(out _);
        byte[] old = AsFormat1(_flash.Read(BootStateStore.Copy1Name));
        var target = new BootState();
        target.RejectImage(Enumerable.Repeat((byte)0x5a, 32).ToArray());

        Assert.True(BootStateCodec.TryDecode(old, old.Length, _hmac, new byte[32], target));

        Assert.Equal((3L, 3L, UpdatePhase.Idle, SlotId.A), (target.WriteSequence, target.HighestSequence, target.Phase, target.ActiveSlot));
        Assert.Equal((expected.TrustedRootVersion, expected.Confirmed), (target.TrustedRootVersion, target.Confirmed));
        Assert.False(target.HasRejectedImage);
        Assert.False(BootStateCodec.TryDecode(old[..^1].Concat(new byte[33]).ToArray(), 315, _hmac, new byte[32], target),
            "a format 1 copy padded to format 2's size must not decode");
        byte[] tampered = (byte[])old.Clone();
        tampered[20] ^= 1;
        Assert.False(BootStateCodec.TryDecode(tampered, tampered.Length, _hmac, new byte[32], target), "format 1 keeps its digest check");
    }

    [Fact]
    public void Device_with_format_1_copies_on_flash_keeps_its_state_and_writes_format_3_next()
    {
        Provision(4);
        _flash.Write(BootStateStore.FactoryName, AsFormat1(_flash.Read(BootStateStore.FactoryName)));
        _flash.Write(BootStateStore.Copy0Name, AsFormat1(_flash.Read(BootStateStore.Copy0Name)));
        _flash.Write(BootStateStore.Copy1Name, AsFormat1(_flash.Read(BootStateStore.Copy1Name)));
        BootStateStore store = Store;
        var state = new BootState();
        Assert.Equal(BootStateSource.Copy0, store.Load(state));
        Assert.Equal(4L, state.HighestSequence);

        store.Save(state);

        Assert.Equal((356, 3), (_flash.Read(BootStateStore.Copy1Name).Length, (int)_flash.Read(BootStateStore.Copy1Name)[0]));
        Assert.Equal(283, _flash.Read(BootStateStore.Copy0Name).Length);
        BootState loaded = Load(out BootStateSource source);
        Assert.Equal((BootStateSource.Copy1, 5L, 4L), (source, loaded.WriteSequence, loaded.HighestSequence));
        _flash.Delete(BootStateStore.Copy0Name);
        _flash.Delete(BootStateStore.Copy1Name);
        Assert.Equal(BootStateSource.Factory, Store.Load(new BootState()));
    }
}
