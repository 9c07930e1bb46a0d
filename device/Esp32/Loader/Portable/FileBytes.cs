using System;
using System.IO;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// Reads a small file of the flash drive whole, refusing anything larger than the caller's cap,
    /// so a wrong file on the drive can never take the heap (about 100 KB on an ESP32 without PSRAM).
    /// Portable: host-tested.
    /// </summary>
    public static class FileBytes
    {
        /// <summary>
        /// The file's bytes; null with the reason in <paramref name="problem"/> when it is missing or
        /// larger than <paramref name="maxLength"/>. Storage failures (and a file shorter than its
        /// length) throw IOException.
        /// </summary>
        public static byte[] Read(IFileStore files, string name, int maxLength, out string problem)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (name == null) throw new ArgumentNullException("name");
            if (maxLength < 0) throw new ArgumentOutOfRangeException("maxLength");
            problem = null;
            long length = files.Length(name);
            if (length < 0)
            {
                problem = name + " is not on the device's drive";
                return null;
            }
            if (length > maxLength)
            {
                problem = name + " is " + length + " bytes; at most " + maxLength + " are accepted";
                return null;
            }
            byte[] bytes = new byte[(int)length];
            Stream stream = files.OpenRead(name);
            try
            {
                StreamReads.Fill(stream, bytes, 0, bytes.Length);
            }
            finally
            {
                stream.Dispose();
            }
            return bytes;
        }
    }
}
