using System.Security.Cryptography;
using System.Text;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>Format 3 of the boot state: a patch's resume point (docs/PROTOCOL.md 11b), and format 2 copies still read.</summary>
public sealed class BootStatePatchResumeTests
{
    private readonly MemoryFileStore _flash = new();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly byte[] _patchHead = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    private BootStateStore Store => new(_flash, _hmac);

    /// <summary>A stored state in Downloading to slot B whose resume point is the patch's boundary in record 2.</summary>
    private BootState SavePatchResume()
    {
        var state = new BootState();
        Assert.True(Store.WriteFactory(state));
        BootStateStore store = Store;
        store.Load(state);
        state.MoveTo(UpdatePhase.ManifestFetched);
        state.MoveTo(UpdatePhase.Verified);
        state.BeginDownload(SlotId.B, Enumerable.Repeat((byte)7, 32).ToArray(), Enumerable.Repeat((byte)8, 32).ToArray(), new byte[16]);
        state.MoveTo(UpdatePhase.Downloading);
        typeof(SecureOta.Device.Core.Artifacts.RecordChainPosition)
            .GetMethod("Set", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .Invoke(state.ResumePosition, [2, Enumerable.Repeat((byte)9, 32).ToArray(), 0, Enumerable.Repeat((byte)10, 16).ToArray(), 0, new byte[32], 0]);
        state.SetPatchResume(_patchHead, 2 * 4096 + 300, 5 * 4096, 0xA5);
        store.Save(state);
        return state;
    }

    private static byte[] Resign(byte[] encoded)
    {
        byte[] copy = (byte[])encoded.Clone();
        int covered = copy.Length - 32;
        HMACSHA256.HashData(Encoding.ASCII.GetBytes("SecureOta/v1/boot-state"), copy.AsSpan(0, covered), copy.AsSpan(covered, 32));
        return copy;
    }

    [Fact]
    public void Patch_resume_point_is_stored_where_documented_and_read_back()
    {
        SavePatchResume();
        byte[] encoded = _flash.Read(BootStateStore.Copy1Name);
        var loaded = new BootState();

        Assert.Equal(BootStateSource.Copy1, Store.Load(loaded));

        Assert.Equal((356, 3), (encoded.Length, (int)encoded[0]));
        Assert.Equal(_patchHead, encoded[283..315]);
        Assert.Equal(new byte[] { 0, 0, 0x21, 0x2C, 0, 0, 0x50, 0, 0xA5 }, encoded[315..324]);
        Assert.True(loaded.HasPatchResume);
        Assert.Equal(_patchHead, loaded.PatchHead);
        Assert.Equal((2 * 4096 + 300, 5 * 4096, 0xA5, 2), (loaded.PatchOffset, loaded.PatchNewPosition, loaded.PatchByteBefore, loaded.ResumePosition.Index));
    }

    [Fact]
    public void Beginning_a_download_forgets_the_patch_resume_point()
    {
        BootState state = SavePatchResume();

        state.BeginDownload(SlotId.B, new byte[32], new byte[32], new byte[16]);

        Assert.False(state.HasPatchResume);
        Assert.Equal((0, 0, 0, 0), (state.PatchOffset, state.PatchNewPosition, state.PatchByteBefore, state.ResumePosition.Index));
    }

    [Fact]
    public void Format_2_copy_written_before_the_patch_resume_decodes_with_no_patch_resume()
    {
        SavePatchResume();
        byte[] format3 = _flash.Read(BootStateStore.Copy1Name);
        byte[] format2 = new byte[315];
        Array.Copy(format3, format2, 283);
        format2[0] = 2;
        format2 = Resign(format2);
        var target = new BootState();
        target.SetPatchResume(_patchHead, 1, 0, 0);

        Assert.True(BootStateCodec.TryDecode(format2, format2.Length, _hmac, new byte[32], target));

        Assert.False(target.HasPatchResume);
        Assert.Equal((UpdatePhase.Downloading, SlotId.B, 2), (target.Phase, target.ResumeSlot, target.ResumePosition.Index));
        byte[] tampered = (byte[])format2.Clone();
        tampered[20] ^= 1;
        Assert.False(BootStateCodec.TryDecode(tampered, tampered.Length, _hmac, new byte[32], target), "format 2 keeps its digest check");
        Assert.False(BootStateCodec.TryDecode(format3[..315], 315, _hmac, new byte[32], target), "format 3 bytes cut to format 2's size");
    }

    [Fact]
    public void Device_with_format_2_copies_on_flash_keeps_its_state_and_writes_format_3_next()
    {
        SavePatchResume();
        byte[] format2 = new byte[315];
        Array.Copy(_flash.Read(BootStateStore.Copy1Name), format2, 283);
        format2[0] = 2;
        _flash.Write(BootStateStore.Copy1Name, Resign(format2));
        BootStateStore store = Store;
        var state = new BootState();

        Assert.Equal(BootStateSource.Copy1, store.Load(state));
        store.Save(state);

        Assert.Equal((356, 3), (_flash.Read(BootStateStore.Copy0Name).Length, (int)_flash.Read(BootStateStore.Copy0Name)[0]));
        Assert.Equal(BootStateSource.Copy0, Store.Load(new BootState()));
    }

    [Theory]
    [InlineData(317, 0x50)]  // patch offset in record 5 while the resume position is record 2
    [InlineData(317, 0x00)]  // patch offset in record 0 (the header's record) while the resume position is record 2
    [InlineData(322, 0x01)]  // new position not a multiple of 4096
    [InlineData(315, 0x80)]  // patch offset with its top bit set
    [InlineData(219, 0x01)]  // a patch resume with an image digest fold
    [InlineData(134, 0x00)]  // a patch resume with no resume slot (phase Idle)
    public void Contradictory_patch_resume_fields_decode_as_invalid_even_with_a_valid_digest(int offset, byte value)
    {
        SavePatchResume();
        byte[] encoded = _flash.Read(BootStateStore.Copy1Name);
        encoded[offset] = value;
        if (offset == 134) encoded[9] = (byte)UpdatePhase.Idle;
        var target = new BootState();

        Assert.False(BootStateCodec.TryDecode(Resign(encoded), encoded.Length, _hmac, new byte[32], target));
        Assert.True(BootStateCodec.TryDecode(Resign(_flash.Read(BootStateStore.Copy1Name)), 356, _hmac, new byte[32], target),
            "the unmodified copy, re-signed the same way, must decode");
    }

    [Fact]
    public void Patch_fields_without_a_patch_head_decode_as_invalid()
    {
        SavePatchResume();
        byte[] encoded = _flash.Read(BootStateStore.Copy1Name);
        Array.Clear(encoded, 283, 32);

        Assert.False(BootStateCodec.TryDecode(Resign(encoded), encoded.Length, _hmac, new byte[32], new BootState()));
        Array.Clear(encoded, 315, 9);
        Assert.True(BootStateCodec.TryDecode(Resign(encoded), encoded.Length, _hmac, new byte[32], new BootState()),
            "with the patch fields zero too it is a plain download state");
    }
}
