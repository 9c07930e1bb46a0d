using System;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Artifacts
{
    /// <summary>
    /// Verifies and decrypts an encrypted, hash-chained artifact one record at a time
    /// (docs/PROTOCOL.md section 7; steps A1-A5 of section 9). The caller reads exactly
    /// <see cref="RecordLength"/> bytes of the artifact into <see cref="Buffer"/> and calls
    /// <see cref="TryProcessRecord"/>, which checks the record's digest in constant time BEFORE
    /// decrypting it in place (no padding or CBC oracle can exist), then writes
    /// Buffer[0, <see cref="PlainLength"/>) to image offset <see cref="PlainOffset"/>. After the last
    /// record, <see cref="TryFinish"/> checks the length and image digest against the manifest.
    /// All buffers are allocated in the constructor; processing records allocates nothing.
    /// Any failure ends the artifact: call <see cref="Start"/> again (from record 0) to retry.
    /// </summary>
    public sealed class RecordChainReader
    {
        private readonly IHmacSha256 _hmac;
        private readonly IAes128 _aes;
        private readonly ImageDigestBuilder _image;
        private readonly byte[] _buffer = new byte[ArtifactLayout.RecordSize];
        private readonly byte[] _digest = new byte[DigestKeys.DigestSize];
        private readonly byte[] _expected = new byte[DigestKeys.DigestSize];
        private readonly byte[] _imageDigest = new byte[DigestKeys.DigestSize];
        private readonly byte[] _key = new byte[16];
        private byte[] _chainBlock = new byte[16];
        private byte[] _nextChainBlock = new byte[16];
        private int _plainSize;
        private int _recordCount;
        private int _index;
        private int _plainLength;
        private int _recordLength;       // of record _index, 0 once complete: computed once per record
        private int _recordPlainLength;  // plain bytes of record _index
        private long _plainOffset;
        private long _plainDone;
        private bool _foldImage;
        private bool _started;
        private bool _failed;

        public RecordChainReader(IHmacSha256 hmac, IAes128 aes)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (aes == null) throw new ArgumentNullException("aes");
            _hmac = hmac;
            _aes = aes;
            _image = new ImageDigestBuilder(hmac);
        }

        /// <summary>The record buffer (4128 bytes): fill [0, RecordLength) before each call; holds plain bytes after.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Index of the record to read next (equals <see cref="RecordCount"/> once complete).</summary>
        public int RecordIndex { get { return _index; } }

        /// <summary>Number of records of the artifact.</summary>
        public int RecordCount { get { return _recordCount; } }

        /// <summary>True once every record has been verified and decrypted.</summary>
        public bool IsComplete { get { return _started && _index == _recordCount; } }

        /// <summary>Bytes of the next record to read; 0 once complete.</summary>
        public int RecordLength
        {
            get { return _recordLength; }
        }

        /// <summary>Byte offset of the next record in the artifact: where a resumed download's Range starts.</summary>
        public long ArtifactOffset { get { return (long)ArtifactLayout.RecordSize * _index; } }

        /// <summary>Plain bytes at Buffer[0, PlainLength) after the last successful record.</summary>
        public int PlainLength { get { return _plainLength; } }

        /// <summary>Offset in the image where those plain bytes belong.</summary>
        public long PlainOffset { get { return _plainOffset; } }

        /// <summary>
        /// Prepares to read an artifact from <paramref name="position"/>: use
        /// <see cref="RecordChainPosition.AtStart"/>(head, iv) for a new download, or a saved position to resume.
        /// The plain bytes are folded into an image digest that <see cref="TryFinish"/> checks.
        /// </summary>
        /// <param name="plainSize">The artifact's signed plainSize (= release imageSize for a full image).</param>
        /// <param name="imageDigest">The release's signed imageDigest (32 bytes).</param>
        /// <param name="contentKey">The release's 16-byte content key (from KeyUnwrapper); copied.</param>
        public void Start(int plainSize, byte[] imageDigest, byte[] contentKey, RecordChainPosition position)
        {
            if (imageDigest == null) throw new ArgumentNullException("imageDigest");
            if (imageDigest.Length != DigestKeys.DigestSize) throw new ArgumentException("imageDigest is 32 bytes", "imageDigest");
            Begin(plainSize, contentKey, position);
            Array.Copy(imageDigest, 0, _imageDigest, 0, DigestKeys.DigestSize);
            _image.Restore(position.ImageFold, 0, (long)ArtifactLayout.ChunkSize * position.Index);
            _foldImage = true;
        }

        /// <summary>
        /// Prepares to read an artifact whose plain bytes are not an image (a delta patch, docs/PROTOCOL.md
        /// section 11a) from <paramref name="position"/>: every record is verified against the signed chain before it is
        /// decrypted, as with <see cref="Start"/>, but no image digest is folded (so it may start at any saved
        /// record: a resumed patch); <see cref="TryFinish"/>
        /// checks the chain end and the plain length only. The signed head authenticates every ciphertext
        /// byte; what the patch produces is checked against the release's imageDigest by the caller.
        /// </summary>
        public void StartWithoutImageDigest(int plainSize, byte[] contentKey, RecordChainPosition position)
        {
            if (position == null) throw new ArgumentNullException("position");
            Begin(plainSize, contentKey, position);
            Array.Clear(_imageDigest, 0, _imageDigest.Length);
            _foldImage = false;
        }

        private void Begin(int plainSize, byte[] contentKey, RecordChainPosition position)
        {
            if (contentKey == null) throw new ArgumentNullException("contentKey");
            if (position == null) throw new ArgumentNullException("position");
            if (contentKey.Length != 16) throw new ArgumentException("contentKey is 16 bytes", "contentKey");
            int count = ArtifactLayout.RecordCount(plainSize);
            if (position.Index >= count) throw new ArgumentOutOfRangeException("position", "the saved record index is past the artifact's end");

            _plainSize = plainSize;
            _recordCount = count;
            _index = position.Index;
            _plainLength = 0;
            _plainDone = (long)ArtifactLayout.ChunkSize * position.Index;
            Array.Copy(contentKey, 0, _key, 0, 16);
            Array.Copy(position.ExpectedDigest, 0, _expected, 0, DigestKeys.DigestSize);
            Array.Copy(position.ChainBlock, 0, _chainBlock, 0, 16);
            _started = true;
            _failed = false;
            MeasureRecord();
        }

        // The layout arithmetic (a division and several checked calls) once per record, not per use.
        private void MeasureRecord()
        {
            if (_index == _recordCount)
            {
                _recordLength = 0;
                _recordPlainLength = 0;
                return;
            }
            // Every record but the last carries a whole chunk (Begin checked the plain size).
            _recordPlainLength = _index < _recordCount - 1 ? ArtifactLayout.ChunkSize : _plainSize - ArtifactLayout.ChunkSize * (_recordCount - 1);
            _recordLength = ((_recordPlainLength + 15) & ~15) + ArtifactLayout.LinkSize;
        }

        /// <summary>
        /// Verifies (A2), checks the chain end on the last record (A5), decrypts in place (A3) the record
        /// whose <paramref name="count"/> bytes the caller put in <see cref="Buffer"/>. A count short of
        /// <see cref="RecordLength"/> means the body ended early; any bytes after the last record mean it is
        /// longer than its signed size (A1).
        /// </summary>
        public bool TryProcessRecord(int count, out VerificationFailure failure)
        {
            CheckUsable();
            if (count < 0 || count > _buffer.Length) throw new ArgumentOutOfRangeException("count");
            failure = null;
            _plainLength = 0;

            int length = _recordLength;
            if (count != length || length == 0)
            {
                if (length == 0 && count == 0) throw new InvalidOperationException("the artifact is complete; call TryFinish");
                return CheckReceivedLength(count, out failure);
            }
            if (!CheckRecordDigest(length, out failure)) return false;
            int cipherLength = length - DigestKeys.DigestSize;
            if (_index == _recordCount - 1 && !CheckChainEnd(cipherLength, out failure)) return false;
            Decrypt(cipherLength);
            return true;
        }

        /// <summary>A1: exactly the record's length arrived; nothing may follow the last record. Called on a mismatch.</summary>
        private bool CheckReceivedLength(int count, out VerificationFailure failure)
        {
            failure = null;
            if (IsComplete)
                return Fail(VerificationError.TooLarge, "A1", "artifact continues after its last record; it is longer than its signed size " +
                    ArtifactLayout.ArtifactSize(_plainSize) + ". Download it again.", out failure);
            int length = _recordLength;
            if (count < length)
                return Fail(VerificationError.Truncated, "A1", "record " + _index + " of " + _recordCount + " has " + count + " of its " + length +
                    " bytes; the download ended early. Resume it from record " + _index + ".", out failure);
            if (count > length)
                return Fail(VerificationError.TooLarge, "A1", "last record has " + count + " bytes where " + length +
                    " are expected; the artifact is longer than its signed size. Download it again.", out failure);
            return true;
        }

        /// <summary>A2: HMAC(K_RECORD, record) must equal the expected digest, compared in constant time.</summary>
        private bool CheckRecordDigest(int length, out VerificationFailure failure)
        {
            failure = null;
            _hmac.Compute(DigestKeys.Record, _buffer, 0, length, _digest, 0);
            if (ConstantTime.AreEqual32(_digest, 0, _expected, 0)) return true;
            return Fail(VerificationError.RecordDigestMismatch, "A2", "record " + _index + " of " + _recordCount +
                " does not have the digest the signed chain expects; the artifact was altered, is from another release, " +
                "or was corrupted in transit. Nothing of it was decrypted; download it again from record 0.", out failure);
        }

        /// <summary>A5 (chain end): only the last record carries 32 zero bytes as its link.</summary>
        private bool CheckChainEnd(int cipherLength, out VerificationFailure failure)
        {
            failure = null;
            if (_index != _recordCount - 1) return true;
            if (ConstantTime.IsZero(_buffer, cipherLength, DigestKeys.DigestSize)) return true;
            return Fail(VerificationError.ChainEndMismatch, "A5", "the last record does not end the chain with 32 zero bytes; " +
                "the artifact does not match its signed plain size. The release must be rebuilt.", out failure);
        }

        /// <summary>A3: decrypts in place with the previous record's last cipher block, then advances the chain.</summary>
        private void Decrypt(int cipherLength)
        {
            // Keep the last cipher block and the next link before the in-place decryption overwrites them.
            Array.Copy(_buffer, cipherLength - 16, _nextChainBlock, 0, 16);
            Array.Copy(_buffer, cipherLength, _expected, 0, DigestKeys.DigestSize);
            _aes.DecryptCbc(_key, _chainBlock, _buffer, 0, cipherLength);

            byte[] previous = _chainBlock;
            _chainBlock = _nextChainBlock;
            _nextChainBlock = previous;

            _plainLength = _recordPlainLength;
            _plainOffset = (long)ArtifactLayout.ChunkSize * _index;
            if (_foldImage) _image.AddChunk(_buffer, 0, _plainLength);
            _plainDone += _plainLength;
            _index++;
            MeasureRecord();
        }

        /// <summary>
        /// Copies the resume state (next record, its expected digest, chain block, image fold) into
        /// <paramref name="target"/>. Save it only after the record's plain bytes are written.
        /// </summary>
        public void SavePosition(RecordChainPosition target)
        {
            if (target == null) throw new ArgumentNullException("target");
            CheckUsable();
            if (IsComplete) throw new InvalidOperationException("the artifact is complete; there is nothing to resume");
            // Without an image digest there is no fold to keep: its 32 bytes are stored as zeros.
            if (_foldImage) _image.CopyDigest(_digest, 0);
            else Array.Clear(_digest, 0, DigestKeys.DigestSize);
            target.Set(_index, _expected, 0, _chainBlock, 0, _digest, 0);
        }

        /// <summary>
        /// A5 after the last record: all records read, plain length and (unless started with
        /// <see cref="StartWithoutImageDigest"/>) image digest as signed.
        /// </summary>
        public bool TryFinish(out VerificationFailure failure)
        {
            CheckUsable();
            failure = null;
            if (!IsComplete)
                return Fail(VerificationError.Truncated, "A1", "artifact ended after " + _index + " of its " + _recordCount +
                    " records; resume the download from record " + _index + ".", out failure);
            if (_plainDone != _plainSize)
                return Fail(VerificationError.ImageDigestMismatch, "A5", "decrypted " + _plainDone + " bytes where the release says " +
                    _plainSize + ".", out failure);
            if (!_foldImage) return true;
            _image.CopyDigest(_digest, 0);
            if (ConstantTime.AreEqual(_digest, 0, _imageDigest, 0, DigestKeys.DigestSize)) return true;
            return Fail(VerificationError.ImageDigestMismatch, "A5", "the decrypted image does not have the signed image digest; " +
                "the content key or the artifact belongs to another release. Do not stage the slot.", out failure);
        }

        /// <summary>Wipes the content key and the plain bytes left in the buffer.</summary>
        public void Clear()
        {
            Array.Clear(_key, 0, _key.Length);
            Array.Clear(_buffer, 0, _buffer.Length);
            _started = false;
            _plainLength = 0;
        }

        private void CheckUsable()
        {
            if (!_started) throw new InvalidOperationException("call Start first");
            if (_failed) throw new InvalidOperationException("a record failed verification; call Start again");
        }

        private bool Fail(VerificationError error, string step, string message, out VerificationFailure failure)
        {
            _failed = true;
            _plainLength = 0;
            failure = new VerificationFailure(error, step, message);
            return false;
        }
    }
}
