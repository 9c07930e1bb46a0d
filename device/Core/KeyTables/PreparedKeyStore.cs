using System;
using System.IO;
using System.Text;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.KeyTables
{
    /// <summary>
    /// ed25519.&lt;hex of the key's first 8 bytes&gt;.table: the prepared split table of an Ed25519 public key
    /// (what <see cref="Ed25519"/> builds the first time it verifies under a key: one exponentiation and 192
    /// doublings, about 1.0M IL), kept on flash so that it survives a reboot; loading it costs a file read,
    /// five native HMACs and the bytes turned back into limbs. Layout, tag and rules: docs/PROTOCOL.md section 11b,
    /// "Prepared key tables" (<see cref="PreparedKeyFile"/>).
    /// <para>
    /// The tag is HMAC-SHA256 under HKDF-SHA256(the device's private key, info "SecureOta/v1/key-table"), a key
    /// used for nothing else and held by this device alone: a table is used only when its tag verifies (compared
    /// in constant time) and the public key stored in it equals, byte for byte, the key being verified. Anything
    /// else (missing, torn by a power cut, one flipped bit, another key's table, another format, another device's)
    /// reads as absent: the table is computed from the key again and the file rewritten.
    /// </para>
    /// <para>
    /// The client attaches a store to the roles it verifies at every poll (release and approval,
    /// <see cref="UseFor"/>); root keys are not kept (a root rotation is rare and checks its own signatures).
    /// Buffers are allocated once with the store (1.4 KiB): a load or save allocates only the file's name and
    /// its stream. Not thread-safe: <see cref="Ed25519"/> calls it under its lock.
    /// </para>
    /// </summary>
    public sealed class PreparedKeyStore
    {
        /// <summary>HKDF info of the tag key: a key derived for this purpose alone.</summary>
        private static readonly byte[] TagKeyLabel = Encoding.UTF8.GetBytes("SecureOta/v1/key-table");

        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly byte[] _key;
        private readonly byte[] _buffer = new byte[PreparedKeyFile.ChainSize + PreparedKeyFile.RowBytes];
        private readonly byte[] _chain = new byte[PreparedKeyFile.ChainSize];
        private readonly byte[] _tag = new byte[PreparedKeyFile.ChainSize];
        private readonly char[] _name = new char[PreparedKeyFile.NameLength];

        // The name TryLoad built, kept for the Save of the same key that follows a failed load (one string less per poll).
        private readonly byte[] _namedPrefix = new byte[PreparedKeyFile.NameKeyBytes];
        private string _keyName;

        private PreparedKeyStore(IFileStore files, IHmacSha256 hmac, byte[] key)
        {
            _files = files;
            _hmac = hmac;
            _key = key;
        }

        /// <summary>The device's store: tables tagged under HKDF-SHA256(the private key of <paramref name="deviceKey"/>, info "SecureOta/v1/key-table").</summary>
        public static PreparedKeyStore ForDevice(IFileStore files, IHmacSha256 hmac, RecipientKey deviceKey)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (deviceKey == null) throw new ArgumentNullException("deviceKey");
            return new PreparedKeyStore(files, hmac, deviceKey.DeriveLocalKey(hmac, TagKeyLabel));
        }

        /// <summary>"ed25519.&lt;16 lowercase hex digits: the key's first 8 bytes&gt;.table".</summary>
        public static string FileName(byte[] publicKey)
        {
            if (publicKey == null || publicKey.Length != Ed25519.PublicKeySize) throw new ArgumentException("an Ed25519 public key is 32 bytes", "publicKey");
            return PreparedKeyFile.Name(publicKey, new char[PreparedKeyFile.NameLength]);
        }

        /// <summary>Where the last key this store was asked for got its table: from flash, or computed (and written).</summary>
        public PreparedKeySource LastSource { get; private set; }

        /// <summary>
        /// Attaches this store to the release and approval roles of <paramref name="root"/>, whose signatures
        /// then use and keep tables on flash. When <paramref name="previous"/> is given (a root rotation), the
        /// tables of its release and approval keys that <paramref name="root"/> no longer lists are deleted. Then the
        /// tables of the root's keys that have none on flash are built from the root's split points, if it carries any
        /// (<see cref="WriteTablesFromPoints"/>): after a root walk, or when the root was loaded from its envelope.
        /// </summary>
        internal void UseFor(TrustedRoot root, TrustedRoot previous)
        {
            root.ReleaseRole.PreparedKeys = this;
            root.ApprovalRole.PreparedKeys = this;
            if (previous != null)
            {
                DeleteDropped(previous.ReleaseRole, root);
                DeleteDropped(previous.ApprovalRole, root);
            }
            WriteTablesFromPoints(root);
        }

        /// <summary>
        /// Writes the table of each release and approval key of <paramref name="root"/> that has none on flash, from
        /// the split points the root carries (docs/PROTOCOL.md sections 5 and 11b): the key decoded and the points'
        /// odd multiples added, no doubling. Call it only with a root whose signatures verified, which every
        /// <see cref="TrustedRoot"/> is; a root never used its own points for that. The points are used once: the
        /// root then releases its payload. Returns the number of tables written (0 for a root without points, or one
        /// loaded from its cached form). A table that fails to write is computed when its key first signs.
        /// </summary>
        public int WriteTablesFromPoints(TrustedRoot root)
        {
            if (root == null) throw new ArgumentNullException("root");
            RootKeyPoints points = root.KeyPoints;
            if (points == null) return 0;
            root.KeyPoints = null;
            return WriteRole(root.ReleaseRole, points) + WriteRole(root.ApprovalRole, points);
        }

        private int WriteRole(SigningRole role, RootKeyPoints points)
        {
            int written = 0;
            for (int i = 0; i < role.KeyCount; i++)
            {
                byte[] key = role.GetPublicKey(i);
                int at = points.Find(key);
                if (at < 0 || HasTable(key)) continue;
                if (Ed25519.PrepareFromSplit(key, points.Text, at, this)) written++;
            }
            return written;
        }

        // A file of a table's length: written before (its tag is checked when it is loaded; a damaged one is rebuilt then).
        private bool HasTable(byte[] publicKey)
        {
            try
            {
                return _files.Length(NameOf(publicKey)) == PreparedKeyFile.FileSize;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private void DeleteDropped(SigningRole role, TrustedRoot root)
        {
            for (int i = 0; i < role.KeyCount; i++)
            {
                byte[] key = role.GetPublicKey(i);
                if (Lists(root.ReleaseRole, key) || Lists(root.ApprovalRole, key)) continue;
                try
                {
                    _files.Delete(PreparedKeyFile.Name(key, _name));
                }
                catch (IOException)
                {
                    // A table left behind only takes flash: it is never used for another key.
                }
            }
        }

        private static bool Lists(SigningRole role, byte[] key)
        {
            for (int i = 0; i < role.KeyCount; i++)
            {
                if (ConstantTime.AreEqual(role.GetPublicKey(i), 0, key, 0, Ed25519.PublicKeySize)) return true;
            }
            return false;
        }

        /// <summary>
        /// Fills <paramref name="table"/> from the key's file; true only when the whole file is a table of this
        /// format for exactly <paramref name="publicKey"/> and its tag verifies. On false the table's content is
        /// undefined: the caller computes it again.
        /// </summary>
        internal bool TryLoad(byte[] publicKey, EdwardsSplitTable table)
        {
            LastSource = PreparedKeySource.Computed;
            byte[] buffer = _buffer;
            try
            {
                string name = NameOf(publicKey);
                if (_files.Length(name) != PreparedKeyFile.FileSize) return false;
                Stream stream = _files.OpenRead(name);
                try
                {
                    if (!ReadExactly(stream, buffer, 0, PreparedKeyFile.HeaderSize)) return false;
                    // Public bytes: the early return reveals nothing. The tag below covers them too.
                    if (buffer[0] != PreparedKeyFile.FormatVersion) return false;
                    if (!ConstantTime.AreEqual(buffer, 1, publicKey, 0, Ed25519.PublicKeySize)) return false;
                    _hmac.Compute(_key, buffer, 0, PreparedKeyFile.HeaderSize, _chain, 0);
                    for (int c = 0; c < EdwardsSplitTable.RowCount; c++)
                    {
                        Array.Copy(_chain, 0, buffer, 0, PreparedKeyFile.ChainSize);
                        if (!ReadExactly(stream, buffer, PreparedKeyFile.ChainSize, PreparedKeyFile.RowBytes)) return false;
                        _hmac.Compute(_key, buffer, 0, buffer.Length, _chain, 0);
                        PreparedKeyFile.Unpack(buffer, PreparedKeyFile.ChainSize, table.Rows[c]);
                    }
                    if (!ReadExactly(stream, _tag, 0, PreparedKeyFile.ChainSize)) return false;
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch (IOException)
            {
                return false;
            }
            if (!ConstantTime.AreEqual(_chain, 0, _tag, 0, PreparedKeyFile.ChainSize)) return false;
            LastSource = PreparedKeySource.Flash;
            return true;
        }

        /// <summary>
        /// Writes the table just computed for <paramref name="publicKey"/>. A flash failure costs only speed (the
        /// next boot computes the table again), so it is swallowed; a torn file fails its tag and is never used.
        /// </summary>
        internal void Save(byte[] publicKey, EdwardsSplitTable table)
        {
            byte[] buffer = _buffer;
            try
            {
                Stream stream = _files.OpenWrite(NameOf(publicKey), false);
                try
                {
                    buffer[0] = PreparedKeyFile.FormatVersion;
                    Array.Copy(publicKey, 0, buffer, 1, Ed25519.PublicKeySize);
                    stream.Write(buffer, 0, PreparedKeyFile.HeaderSize);
                    _hmac.Compute(_key, buffer, 0, PreparedKeyFile.HeaderSize, _chain, 0);
                    for (int c = 0; c < EdwardsSplitTable.RowCount; c++)
                    {
                        Array.Copy(_chain, 0, buffer, 0, PreparedKeyFile.ChainSize);
                        PreparedKeyFile.Pack(table.Rows[c], buffer, PreparedKeyFile.ChainSize);
                        _hmac.Compute(_key, buffer, 0, buffer.Length, _chain, 0);
                        stream.Write(buffer, PreparedKeyFile.ChainSize, PreparedKeyFile.RowBytes);
                    }
                    stream.Write(_chain, 0, PreparedKeyFile.ChainSize);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch (IOException)
            {
                // A full or failing drive: drop what was written, so no boot reads a partial file (its tag would
                // fail anyway) and the flash it took is free again.
                try
                {
                    _files.Delete(NameOf(publicKey));
                }
                catch (IOException)
                {
                }
            }
        }

        private string NameOf(byte[] publicKey)
        {
            // The name depends on the key's first bytes alone: compare those, not the array's identity.
            bool same = _keyName != null;
            for (int i = 0; same && i < PreparedKeyFile.NameKeyBytes; i++) same = _namedPrefix[i] == publicKey[i];
            if (!same)
            {
                _keyName = PreparedKeyFile.Name(publicKey, _name);
                Array.Copy(publicKey, 0, _namedPrefix, 0, PreparedKeyFile.NameKeyBytes);
            }
            return _keyName;
        }

        private static bool ReadExactly(Stream stream, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int read = stream.Read(buffer, offset, count);
                if (read <= 0) return false;
                offset += read;
                count -= read;
            }
            return true;
        }
    }
}
