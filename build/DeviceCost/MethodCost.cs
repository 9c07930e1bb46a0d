namespace SecureOta.Build.DeviceCost;

/// <summary>IL instructions one method of the device core executed during a step (a profile row).</summary>
/// <param name="Method">The method as <c>Type.Method</c>.</param>
/// <param name="Instructions">Instructions executed in its own body (not in the methods it called).</param>
public sealed record MethodCost(string Method, long Instructions);
