namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Counts polls whose content key failed "for good" (no wrapped key for any recipient id, or none
    /// unwraps) for one manifest sequence, in RAM. A mirror can cause either (the key files are unsigned:
    /// a 404, a damaged copy), so the client does not store the sequence and later polls fetch again, up to
    /// <see cref="UpdateClientOptions.MaxKeyAttempts"/> polls; then the release is given up until a newer
    /// manifest. A reboot starts the count again, which only costs more retries.
    /// </summary>
    internal sealed class KeyAttempts
    {
        private readonly int _max;
        private long _sequence;
        private int _failures;

        internal KeyAttempts(int max)
        {
            _max = max;
        }

        /// <summary>Counts one more failed poll of <paramref name="sequence"/>; true when it may still be retried.</summary>
        internal bool FailedOnceMore(long sequence)
        {
            if (sequence != _sequence)
            {
                _sequence = sequence;
                _failures = 0;
            }
            _failures++;
            return _failures < _max;
        }
    }
}
