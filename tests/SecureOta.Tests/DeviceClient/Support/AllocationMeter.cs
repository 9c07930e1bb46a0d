namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// Counts the bytes allocated on this thread inside platform seams (transport, flash, AES, HMAC), so a
/// test can subtract them from the thread's total and see what the device core itself allocated.
/// The metered wrappers (<see cref="MeteredTransport"/>, <see cref="MeteredFileStore"/>,
/// <see cref="MeteredCrypto"/>) add to <see cref="SeamBytes"/>; their own wrapper objects are created
/// inside the measured calls, so they count as seam allocations too.
/// </summary>
public sealed class AllocationMeter
{
    public long SeamBytes { get; private set; }

    public static long ThreadTotal => GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Bytes the thread allocated outside seams: the core's share.</summary>
    public long CoreBytes => ThreadTotal - SeamBytes;

    public void Add(long bytes) => SeamBytes += bytes;
}
