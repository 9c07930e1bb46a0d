using System.IO;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The two application slots, A and B. Today a file-backed implementation on the internal flash
    /// drive (<see cref="FileSlotStore"/>); raw partitions (nanoFramework In-Field Update, MCUboot) can
    /// implement this interface later without touching the update logic. Writes go forward only: a
    /// slot is erased, then written from its start, or continued from exactly where it ends. I/O
    /// failures throw IOException.
    /// </summary>
    public interface ISlotStore
    {
        /// <summary>Largest image a slot can hold, in bytes; the client refuses bigger releases before downloading.</summary>
        long Capacity { get; }

        /// <summary>Bytes written to the slot so far (0 when erased).</summary>
        long Length(SlotId slot);

        /// <summary>
        /// Opens the slot for reading from its start; a slot that was never written throws IOException. It may be
        /// open for writing at the same time (a patch reads back what it wrote, after a Flush): the reader sees at
        /// least what was flushed before it was opened.
        /// </summary>
        Stream OpenRead(SlotId slot);

        /// <summary>
        /// Opens the slot for writing at <paramref name="offset"/>, which must be 0 (the slot is erased
        /// first) or the slot's current <see cref="Length"/> (writing continues at its end).
        /// </summary>
        Stream OpenWrite(SlotId slot, long offset);

        /// <summary>Erases the slot: its length becomes 0.</summary>
        void Erase(SlotId slot);
    }
}
