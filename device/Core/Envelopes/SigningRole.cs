using System;
using SecureOta.Device.Core.KeyTables;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// A role of trusted root metadata, resolved for signature checks: its threshold and, for each of
    /// its distinct key ids, the 32-byte Ed25519 public key. Built only from a verified root
    /// (docs/PROTOCOL.md section 5), which guarantees the ids are unique and match their keys.
    /// </summary>
    public sealed class SigningRole
    {
        private readonly string[] _keyIds;
        private readonly byte[][] _publicKeys;

        /// <param name="name">The role's name in root metadata ("root", "release"), for messages.</param>
        /// <param name="threshold">Distinct keys that must sign: 1 to the number of keys.</param>
        /// <param name="keyIds">Distinct key ids.</param>
        /// <param name="publicKeys">The public key of each id, in the same order.</param>
        public SigningRole(string name, int threshold, string[] keyIds, byte[][] publicKeys)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (keyIds == null) throw new ArgumentNullException("keyIds");
            if (publicKeys == null) throw new ArgumentNullException("publicKeys");
            if (keyIds.Length != publicKeys.Length) throw new ArgumentException("one public key per key id is needed");
            if (threshold < 1 || threshold > keyIds.Length) throw new ArgumentOutOfRangeException("threshold");
            for (int i = 0; i < keyIds.Length; i++)
            {
                if (keyIds[i] == null || publicKeys[i] == null || publicKeys[i].Length != 32)
                    throw new ArgumentException("every key needs an id and a 32-byte public key");
                for (int j = 0; j < i; j++)
                {
                    if (keyIds[j] == keyIds[i]) throw new ArgumentException("key ids of a role must be distinct");
                }
            }
            Name = name;
            Threshold = threshold;
            _keyIds = keyIds;
            _publicKeys = publicKeys;
        }

        public string Name { get; private set; }

        public int Threshold { get; private set; }

        public int KeyCount { get { return _keyIds.Length; } }

        /// <summary>
        /// Where the prepared tables of this role's keys are kept on flash (null: RAM only). Set by the update
        /// client for the roles it verifies at every poll (<see cref="PreparedKeyStore.UseFor"/>).
        /// </summary>
        internal PreparedKeyStore PreparedKeys { get; set; }

        public string GetKeyId(int index)
        {
            if (index < 0 || index >= _keyIds.Length) throw new ArgumentOutOfRangeException("index");
            return _keyIds[index];
        }

        public byte[] GetPublicKey(int index)
        {
            if (index < 0 || index >= _publicKeys.Length) throw new ArgumentOutOfRangeException("index");
            return _publicKeys[index];
        }

        /// <summary>True when the role lists this key id.</summary>
        public bool Contains(string keyId)
        {
            for (int i = 0; i < _keyIds.Length; i++)
            {
                if (_keyIds[i] == keyId) return true;
            }
            return false;
        }
    }
}
