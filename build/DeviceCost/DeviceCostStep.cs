namespace SecureOta.Build.DeviceCost;

/// <summary>One measured step of the DeviceCost benchmark.</summary>
/// <param name="Name">What the device does in the step.</param>
/// <param name="Instructions">IL instructions the device core executed (per record for a per-record step).</param>
/// <param name="Calls">Calls it made (call, callvirt, newobj), native ones included.</param>
/// <param name="Allocations">Heap allocations it made (newobj of a class, newarr, box).</param>
/// <param name="OutputBytes">Image bytes the step produced, when it produces an image; else null.</param>
/// <param name="Note">How the step was driven.</param>
public sealed record DeviceCostStep(string Name, long Instructions, long Calls, long Allocations, long? OutputBytes, string Note)
{
    /// <summary>Instructions per method, most first, when the run was profiled (--profile); else null.</summary>
    public IReadOnlyList<MethodCost>? Methods { get; init; }

    /// <summary>IL instructions per output byte, or null.</summary>
    public double? InstructionsPerOutputByte => OutputBytes is > 0 ? (double)Instructions / OutputBytes.Value : null;
}
