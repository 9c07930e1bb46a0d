using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.KeyTables;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Prepared key tables on flash (ed25519.&lt;id&gt;.table, docs/PROTOCOL.md section 11b): the first signature under a
/// key after a reboot loads its table instead of computing it, and nothing on flash can change a verdict: a table
/// is used only when its tag (under a key only this device holds) verifies and it holds exactly the key verified.
/// Ed25519.ForgetPreparedKeys plays the reboot (the verifier's RAM slots are emptied).
/// </summary>
public sealed class PreparedKeyStoreTests : IDisposable
{
    private const int FileSize = 5185;
    private const int TagOffset = FileSize - 32;

    private readonly MemoryFileStore _flash = new();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly RecipientKey _device = new(RandomNumberGenerator.GetBytes(32));
    private readonly Ed25519KeyPair _signer = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _other = Ed25519KeyPair.Generate();
    private readonly byte[] _message = RandomNumberGenerator.GetBytes(300);

    public void Dispose()
    {
        _signer.Dispose();
        _other.Dispose();
    }

    private PreparedKeyStore Store(RecipientKey? device = null, IFileStore? files = null) =>
        PreparedKeyStore.ForDevice(files ?? _flash, _hmac, device ?? _device);

    private string TableName(Ed25519KeyPair key) => PreparedKeyStore.FileName(key.PublicKey);

    /// <summary>Verifies after a reboot, so the store is asked for the key's table; returns the verdict.</summary>
    private static bool VerifyAfterReboot(PreparedKeyStore store, Ed25519KeyPair key, byte[] signature, byte[] message)
    {
        Ed25519.ForgetPreparedKeys();
        return Ed25519.Verify(key.PublicKey, signature, message, 0, message.Length, store);
    }

    private byte[] Forged()
    {
        byte[] forged = _signer.Sign(_message);
        forged[5] ^= 0x10;
        return forged;
    }

    [Fact]
    public void A_key_prepared_once_is_loaded_from_flash_after_a_reboot_with_the_same_verdicts()
    {
        PreparedKeyStore store = Store();
        byte[] signature = _signer.Sign(_message);

        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);
        Assert.Equal(FileSize, _flash.Length(TableName(_signer)));
        byte[] written = _flash.Read(TableName(_signer));

        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.Equal(PreparedKeySource.Flash, store.LastSource);
        Assert.False(VerifyAfterReboot(store, _signer, Forged(), _message));
        Assert.Equal(PreparedKeySource.Flash, store.LastSource);
        Assert.False(VerifyAfterReboot(store, _signer, _other.Sign(_message), _message));
        Assert.Equal(written, _flash.Read(TableName(_signer)));
    }

    [Theory]
    [InlineData(0)] // format byte
    [InlineData(1)] // stored public key
    [InlineData(33)] // first limb of row 0
    [InlineData(33 + 1280 + 700)] // inside row 1
    [InlineData(33 + 3 * 1280 + 1279)] // last byte of row 3
    [InlineData(TagOffset)] // tag
    public void Tampered_table_byte_is_never_used_the_table_is_recomputed_and_verdicts_are_unchanged(int offset)
    {
        PreparedKeyStore store = Store();
        byte[] signature = _signer.Sign(_message);
        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        byte[] sound = _flash.Read(TableName(_signer));

        byte[] tampered = (byte[])sound.Clone();
        tampered[offset] ^= 0x01;
        _flash.Write(TableName(_signer), tampered);
        Assert.False(VerifyAfterReboot(store, _signer, Forged(), _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);

        _flash.Write(TableName(_signer), tampered);
        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);
        Assert.Equal(sound, _flash.Read(TableName(_signer)));
    }

    [Fact]
    public void Table_of_another_key_under_this_keys_name_is_not_used()
    {
        PreparedKeyStore store = Store();
        byte[] otherSignature = _other.Sign(_message);
        Assert.True(VerifyAfterReboot(store, _other, otherSignature, _message));

        // A whole, correctly tagged table, but for another key: the key stored in it differs, so it is refused
        // and the signature the other key made stays invalid under this key.
        _flash.Write(TableName(_signer), _flash.Read(TableName(_other)));
        Assert.False(VerifyAfterReboot(store, _signer, otherSignature, _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);
        Assert.True(VerifyAfterReboot(store, _signer, _signer.Sign(_message), _message));
        Assert.Equal(PreparedKeySource.Flash, store.LastSource);
    }

    [Fact]
    public void Table_tagged_on_another_device_is_not_used()
    {
        byte[] signature = _signer.Sign(_message);
        Assert.True(VerifyAfterReboot(Store(new RecipientKey(RandomNumberGenerator.GetBytes(32))), _signer, signature, _message));

        PreparedKeyStore store = Store();
        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);
        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.Equal(PreparedKeySource.Flash, store.LastSource);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Power_cut_while_the_table_is_written_leaves_nothing_usable_and_the_next_boot_writes_it_again(bool torn)
    {
        var cut = new CutAtFileFileStore(_flash, TableName(_signer), torn);
        byte[] signature = _signer.Sign(_message);
        Assert.Throws<PowerCutException>(() => VerifyAfterReboot(Store(files: cut), _signer, signature, _message));

        PreparedKeyStore store = Store();
        Assert.False(VerifyAfterReboot(store, _signer, Forged(), _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);
        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.Equal(PreparedKeySource.Flash, store.LastSource);
    }

    [Fact]
    public void Drive_full_while_the_table_is_written_keeps_the_verdict_and_leaves_no_partial_file()
    {
        var full = new FullAfterFirstWriteFileStore(_flash);
        PreparedKeyStore store = Store(files: full);
        byte[] signature = _signer.Sign(_message);

        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        Assert.True(full.Failed);
        Assert.False(_flash.Exists(TableName(_signer)));
        Assert.False(VerifyAfterReboot(store, _signer, Forged(), _message));
        Assert.Equal(PreparedKeySource.Computed, store.LastSource);
    }

    /// <summary>Lets the first write of every opened file land, then fails as a full drive does.</summary>
    private sealed class FullAfterFirstWriteFileStore(IFileStore inner) : IFileStore
    {
        public bool Failed { get; private set; }

        public bool Exists(string name) => inner.Exists(name);

        public long Length(string name) => inner.Length(name);

        public Stream OpenRead(string name) => inner.OpenRead(name);

        public Stream OpenWrite(string name, bool append) => new FullStream(inner.OpenWrite(name, append), this);

        public void Delete(string name) => inner.Delete(name);

        private sealed class FullStream(Stream file, FullAfterFirstWriteFileStore owner) : Stream
        {
            private bool _written;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => file.Length;
            public override long Position { get => file.Position; set => throw new NotSupportedException(); }

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (_written)
                {
                    owner.Failed = true;
                    throw new IOException("no space left on the drive");
                }
                _written = true;
                file.Write(buffer, offset, count);
            }

            public override void Flush() => file.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) file.Dispose();
                base.Dispose(disposing);
            }
        }
    }

    [Fact]
    public void Truncated_or_extended_table_file_is_recomputed()
    {
        PreparedKeyStore store = Store();
        byte[] signature = _signer.Sign(_message);
        Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
        byte[] sound = _flash.Read(TableName(_signer));

        foreach (byte[] changed in new[] { sound[..^1], [.. sound, 0], Array.Empty<byte>() })
        {
            _flash.Write(TableName(_signer), changed);
            Assert.True(VerifyAfterReboot(store, _signer, signature, _message));
            Assert.Equal(PreparedKeySource.Computed, store.LastSource);
            Assert.Equal(sound, _flash.Read(TableName(_signer)));
        }
    }

    [Fact]
    public void Verify_without_a_store_writes_nothing()
    {
        byte[] signature = _signer.Sign(_message);
        Ed25519.ForgetPreparedKeys();
        Assert.True(Ed25519.Verify(_signer.PublicKey, signature, _message, 0, _message.Length));
        Assert.Empty(_flash.Names);
    }

    [Fact]
    public void File_name_is_the_hex_of_the_keys_first_eight_bytes()
    {
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++) key[i] = (byte)(0xf0 + i);
        Assert.Equal("ed25519.f0f1f2f3f4f5f6f7.table", PreparedKeyStore.FileName(key));
        Assert.Throws<ArgumentException>(() => PreparedKeyStore.FileName(new byte[31]));
    }
}
