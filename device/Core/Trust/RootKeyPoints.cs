namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Where the <c>split</c> members of a root's keys sit in its payload (docs/PROTOCOL.md section 5): the payload
    /// bytes and, per key that has one, the offset of its 384 hex digits, already checked by
    /// <see cref="RootPayloadReader"/>. Offsets rather than decoded points, so a root of sixteen keys holds no
    /// points in RAM; the payload is released as soon as the tables are built
    /// (<see cref="KeyTables.PreparedKeyStore.WriteTablesFromPoints"/>, when the client starts using the verified root),
    /// or when a root walk moves past the root.
    /// </summary>
    internal sealed class RootKeyPoints
    {
        private readonly byte[][] _keys;
        private readonly int[] _offsets;
        private int _count;

        internal RootKeyPoints(byte[] text, int capacity)
        {
            Text = text;
            _keys = new byte[capacity][];
            _offsets = new int[capacity];
        }

        /// <summary>The root's payload (PAE message) the offsets point into.</summary>
        internal byte[] Text { get; private set; }

        internal void Add(byte[] publicKey, int offset)
        {
            _keys[_count] = publicKey;
            _offsets[_count] = offset;
            _count++;
        }

        /// <summary>
        /// The offset of the points of the key whose array is <paramref name="publicKey"/> (the very array the root's
        /// roles hold: compared by reference, as the reader stored it), or -1 when the key has no split member.
        /// </summary>
        internal int Find(byte[] publicKey)
        {
            for (int i = 0; i < _count; i++)
            {
                if (ReferenceEquals(_keys[i], publicKey)) return _offsets[i];
            }
            return -1;
        }
    }
}
