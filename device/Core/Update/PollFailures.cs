using System;
using System.IO;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The failures an exception ends <see cref="UpdateClient.Poll"/> with: the network, the flash, the heap, or
    /// anything else. Every commit of a poll is whole, so whichever it is, what is stored stays valid.
    /// </summary>
    internal static class PollFailures
    {
        internal static UpdateFailure Transport(TransportException e)
        {
            return new UpdateFailure(UpdateResult.TransportFailed, "NET", e.Message + "; the next poll retries.", null);
        }

        internal static UpdateFailure Storage(IOException e)
        {
            return new UpdateFailure(UpdateResult.StorageFailed, "IO", "the flash drive failed: " + e.Message +
                "; what was stored before stays valid and the next poll retries.", null);
        }

        /// <summary>
        /// Built when the client is made, not when the heap has run out. The client also drops what it keeps
        /// between polls (its root, reloaded from the cached form, and its ETag), so the next poll starts from the
        /// heap a boot leaves.
        /// </summary>
        internal static UpdateFailure OutOfMemory()
        {
            return new UpdateFailure(UpdateResult.OutOfMemory, "MEM", "the poll ran out of heap and stopped; what was stored " +
                "stays valid, the running image is untouched, and the next poll retries.", null);
        }

        /// <summary>The last resort: a transport or parser that chokes on something a server sent must not end the poll loop.</summary>
        internal static UpdateFailure Unexpected(Exception e)
        {
            return new UpdateFailure(UpdateResult.InternalError, "POLL", "the poll stopped on an unexpected " + e.GetType().Name + ": " +
                e.Message + "; what was stored stays valid, the ETag is dropped and the next poll starts afresh.", null);
        }
    }
}
