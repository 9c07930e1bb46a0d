using System;
using nanoFramework.Hardware.Esp32;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// Readable failure messages for the log. nanoFramework wraps network and TLS failures (a
    /// CryptographicException from the handshake, a SocketException) in a WebException, so the whole
    /// chain of messages is kept; the native heap's state is added because mbedTLS allocates its
    /// handshake buffers there and runs out of it before anything else does.
    /// </summary>
    public static class FailureText
    {
        private const int MaxDepth = 4;

        /// <summary>"Type: message &lt;- Type: message" for the exception and its inner exceptions.</summary>
        public static string Describe(Exception error)
        {
            string text = "";
            Exception current = error;
            for (int depth = 0; current != null && depth < MaxDepth; depth++)
            {
                if (depth > 0) text += " <- ";
                text += current.GetType().Name + ": " + current.Message;
                current = current.InnerException;
            }
            return text;
        }

        /// <summary>" (native heap: F bytes free, largest block L)", or "" when it cannot be read.</summary>
        public static string NativeHeap()
        {
            try
            {
                uint total;
                uint free;
                uint largest;
                NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.Internal, out total, out free, out largest);
                return " (native heap: " + free + " of " + total + " bytes free, largest block " + largest + ")";
            }
            catch (Exception)
            {
                return "";
            }
        }
    }
}
