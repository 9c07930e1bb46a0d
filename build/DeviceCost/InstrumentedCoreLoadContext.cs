using System.Reflection;
using System.Runtime.Loader;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// A collectible load context holding the instrumented device core and a second copy of the build
/// assembly, whose scenario code (<see cref="DeviceCostScenarios"/>) then binds to the instrumented
/// core instead of the one the build itself runs: the scenarios are ordinary C# against the core's
/// public API, and only the core's own instructions are counted. Everything else (the framework,
/// Spectre.Console) is shared with the default context.
/// </summary>
public sealed class InstrumentedCoreLoadContext : AssemblyLoadContext
{
    private readonly byte[] _instrumentedCore;
    private readonly string _coreName;
    private readonly string _hostAssemblyPath;
    private readonly string _hostName;
    private Assembly? _core;
    private Assembly? _host;

    /// <param name="instrumentedCore">The image from <see cref="IlCostInstrumenter"/>.</param>
    /// <param name="coreName">The core's simple assembly name.</param>
    /// <param name="hostAssemblyPath">The assembly holding the scenarios (this build assembly).</param>
    public InstrumentedCoreLoadContext(byte[] instrumentedCore, string coreName, string hostAssemblyPath)
        : base("DeviceCost", isCollectible: true)
    {
        _instrumentedCore = instrumentedCore;
        _coreName = coreName;
        _hostAssemblyPath = hostAssemblyPath;
        _hostName = AssemblyName.GetAssemblyName(hostAssemblyPath).Name!;
    }

    /// <summary>The instrumented core as loaded here.</summary>
    public Assembly Core => _core ??= LoadFromStream(new MemoryStream(_instrumentedCore));

    /// <summary>The scenario assembly as loaded here.</summary>
    public Assembly Host => _host ??= LoadFromAssemblyPath(_hostAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == _coreName) return Core;
        if (assemblyName.Name == _hostName) return Host;
        return null;
    }
}
