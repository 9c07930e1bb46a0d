using System;
using System.IO;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IFileStore"/> on the ESP32's internal LittleFS drive (I:) through
    /// nanoFramework.System.IO.FileSystem. Names are flat and checked, so nothing outside the drive's
    /// root can be named. That FileStream writes every Write straight through to the file system
    /// (its Flush is empty), which is what the core's two-copy boot state relies on; it cannot
    /// truncate, so the core only ever creates, appends or deletes.
    /// </summary>
    public sealed class LittleFsFileStore : IFileStore
    {
        /// <summary>The internal flash drive of nanoFramework's ESP32 firmware.</summary>
        public const string InternalDrive = "I:\\";

        private const int MaxNameLength = 64;

        private readonly string _root;

        /// <param name="root">A drive root ending in '\', normally <see cref="InternalDrive"/>.</param>
        public LittleFsFileStore(string root)
        {
            if (root == null) throw new ArgumentNullException("root");
            if (root.Length < 3 || root[root.Length - 1] != '\\') throw new ArgumentException("a drive root such as I:\\", "root");
            _root = root;
        }

        public bool Exists(string name)
        {
            return File.Exists(PathOf(name));
        }

        public long Length(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path)) return -1;
            FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            try
            {
                return stream.Length;
            }
            finally
            {
                stream.Dispose();
            }
        }

        public Stream OpenRead(string name)
        {
            // Shared with a writer: a patch reads back the slot it is writing (its matches copy earlier bytes).
            return new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        public Stream OpenWrite(string name, bool append)
        {
            return new FileStream(PathOf(name), append ? FileMode.Append : FileMode.Create, FileAccess.Write);
        }

        public void Delete(string name)
        {
            // File.Delete returns quietly when the file does not exist.
            File.Delete(PathOf(name));
        }

        private string PathOf(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (name.Length == 0 || name.Length > MaxNameLength) throw new ArgumentException("a file name has 1 to " + MaxNameLength + " characters", "name");
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!allowed) throw new ArgumentException("'" + name + "' is not a flat file name", "name");
            }
            if (name == "." || name == "..") throw new ArgumentException("'" + name + "' is not a file name", "name");
            return _root + name;
        }
    }
}
