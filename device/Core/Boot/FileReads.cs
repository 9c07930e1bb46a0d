using System.IO;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>Reads of small state files into a buffer allocated once by their store.</summary>
    internal static class FileReads
    {
        /// <summary>
        /// Reads <paramref name="name"/> from its start until <paramref name="buffer"/> is full or the file ends,
        /// and returns the bytes read. A store passes a buffer one byte larger than any state it holds, so a file
        /// that grew reads as too long. IOException propagates.
        /// </summary>
        internal static int Fill(IFileStore files, string name, byte[] buffer)
        {
            int count = 0;
            Stream stream = files.OpenRead(name);
            try
            {
                while (count < buffer.Length)
                {
                    int read = stream.Read(buffer, count, buffer.Length - count);
                    if (read <= 0) break;
                    count += read;
                }
            }
            finally
            {
                stream.Dispose();
            }
            return count;
        }
    }
}
