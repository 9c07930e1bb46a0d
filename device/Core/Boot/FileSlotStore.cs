using System;
using System.IO;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// Slots as files slot.a and slot.b on the device's flash drive (LittleFS), through
    /// <see cref="IFileStore"/>. nanoFramework's FileStream cannot truncate (SetLength is not
    /// implemented), so this store only ever truncates to zero (erase) or appends.
    /// </summary>
    public sealed class FileSlotStore : ISlotStore
    {
        public const string SlotAName = "slot.a";
        public const string SlotBName = "slot.b";

        private readonly IFileStore _files;
        private readonly long _capacity;

        /// <param name="files">The flash drive.</param>
        /// <param name="capacity">Largest image per slot in bytes: what the drive can hold for each slot next to the other files.</param>
        public FileSlotStore(IFileStore files, long capacity)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (capacity < 1) throw new ArgumentOutOfRangeException("capacity");
            _files = files;
            _capacity = capacity;
        }

        public long Capacity { get { return _capacity; } }

        public long Length(SlotId slot)
        {
            long length = _files.Length(NameOf(slot));
            return length < 0 ? 0 : length;
        }

        public Stream OpenRead(SlotId slot)
        {
            return _files.OpenRead(NameOf(slot));
        }

        public Stream OpenWrite(SlotId slot, long offset)
        {
            string name = NameOf(slot);
            if (offset == 0) return _files.OpenWrite(name, false);
            long length = Length(slot);
            if (offset != length)
                throw new ArgumentOutOfRangeException("offset", "a slot is written from 0 or continued at its end (" + length + "), not at " + offset);
            return _files.OpenWrite(name, true);
        }

        public void Erase(SlotId slot)
        {
            _files.Delete(NameOf(slot));
        }

        private static string NameOf(SlotId slot)
        {
            if (slot == SlotId.A) return SlotAName;
            if (slot == SlotId.B) return SlotBName;
            throw new ArgumentOutOfRangeException("slot");
        }
    }
}
