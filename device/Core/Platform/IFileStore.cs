using System.IO;

namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// Files on the device's internal flash drive (LittleFS on I: under nanoFramework). Names are flat
    /// (no folders). Nothing here is assumed atomic beyond a single small write: the core's boot state
    /// is power-safe by keeping two copies, never by relying on rename. I/O failures throw IOException.
    /// </summary>
    public interface IFileStore
    {
        bool Exists(string name);

        /// <summary>Length in bytes, or -1 when the file does not exist.</summary>
        long Length(string name);

        /// <summary>Opens an existing file for reading.</summary>
        Stream OpenRead(string name);

        /// <summary>Opens for writing: creates or truncates, or with <paramref name="append"/> keeps the content and writes at the end.</summary>
        Stream OpenWrite(string name, bool append);

        /// <summary>Deletes the file if it exists.</summary>
        void Delete(string name);
    }
}
