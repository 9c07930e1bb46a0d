using System.Reflection;
using System.Text.Json;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// Instruments a copy of the device core, loads it with the scenarios into a collectible context,
/// runs them, and unloads everything again.
/// </summary>
public static class DeviceCostBenchmark
{
    /// <summary>The core assembly the build runs with (device/Core's SecureOta.Device.Core.dll).</summary>
    public static string CoreAssemblyPath => typeof(Ed25519).Assembly.Location;

    /// <summary>
    /// Runs every step on <paramref name="inputs"/> (from <see cref="DeviceCostInputs.Create"/>);
    /// <paramref name="profile"/> also counts per method (<see cref="DeviceCostStep.Methods"/>).
    /// </summary>
    public static IReadOnlyList<DeviceCostStep> Run(Dictionary<string, byte[]> inputs, bool profile = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        byte[] instrumented = IlCostInstrumenter.Instrument(CoreAssemblyPath, profile);
        var context = new InstrumentedCoreLoadContext(instrumented, typeof(Ed25519).Assembly.GetName().Name!,
            typeof(DeviceCostScenarios).Assembly.Location);
        try
        {
            var scenarios = context.Host.GetType(typeof(DeviceCostScenarios).FullName!, throwOnError: true)!;
            var run = scenarios.GetMethod(nameof(DeviceCostScenarios.Run), BindingFlags.Public | BindingFlags.Static)!;
            string json;
            try
            {
                json = (string)run.Invoke(null, [inputs])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            return JsonSerializer.Deserialize<List<DeviceCostStep>>(json)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
