using SecureOta.Device.Core.Boot;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Progress of a poll: called when the phase changes and after every record written (phase
    /// Downloading, <paramref name="recordsDone"/> of <paramref name="recordCount"/>). Plain values, so
    /// a call allocates nothing; keep handlers short, they run on the update's thread.
    /// </summary>
    public delegate void UpdateProgressHandler(UpdatePhase phase, int recordsDone, int recordCount);
}
