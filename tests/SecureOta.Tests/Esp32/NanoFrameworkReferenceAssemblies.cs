using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// nanoFramework's reference assemblies in ../shared/nanoframework-refs (mscorlib of
/// nanoFramework.CoreLibrary and assemblies built from nanoFramework's own sources, see its README),
/// indexed by assembly name, with the public types each one defines and the NuGet package that ships it,
/// so a compile error about a missing type can say which package a project should reference.
/// </summary>
internal sealed class NanoFrameworkReferenceAssemblies
{
    public const string FolderName = "nanoframework-refs";

    /// <summary>
    /// Assembly name to the package that ships it (the packages' nuspecs, and the refs README's table).
    /// Kept here, not derived from the .nfproj HintPaths, because the point is to name packages that no
    /// project references yet; a test checks it against the folder and against every HintPath.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PackageOfAssembly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mscorlib"] = "nanoFramework.CoreLibrary",
        ["nanoFramework.System.Text"] = "nanoFramework.System.Text",
        ["nanoFramework.System.Collections"] = "nanoFramework.System.Collections",
        ["System.Math"] = "nanoFramework.System.Math",
        ["nanoFramework.Runtime.Events"] = "nanoFramework.Runtime.Events",
        ["nanoFramework.Runtime.Native"] = "nanoFramework.Runtime.Native",
        ["System.IO.Streams"] = "nanoFramework.System.IO.Streams",
        ["System.Threading"] = "nanoFramework.System.Threading",
        ["System.IO.FileSystem"] = "nanoFramework.System.IO.FileSystem",
        ["System.Net"] = "nanoFramework.System.Net",
        ["System.Net.Http"] = "nanoFramework.System.Net.Http.Client",
        ["nanoFramework.System.Security.Cryptography"] = "nanoFramework.System.Security.Cryptography",
        ["nanoFramework.Hardware.Esp32"] = "nanoFramework.Hardware.Esp32",
        ["nanoFramework.Networking.Sntp"] = "nanoFramework.Networking.Sntp",
    };

    private readonly Dictionary<string, string> _paths;
    private readonly Dictionary<string, MetadataReference> _references = new(StringComparer.Ordinal);
    private readonly List<NanoFrameworkType> _types = [];

    private NanoFrameworkReferenceAssemblies(string folder)
    {
        Folder = folder;
        _paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            string name = metadata.GetString(metadata.GetAssemblyDefinition().Name);
            _paths.Add(name, path);
            _types.AddRange(PublicTypes(metadata).Select(t => new NanoFrameworkType(t.Namespace, t.Name, name, PackageOfAssembly.GetValueOrDefault(name))));
        }
    }

    public string Folder { get; }

    public IEnumerable<string> AssemblyNames => _paths.Keys;

    /// <summary>The folder next to the repository (../shared/nanoframework-refs), or null in a clone without it.</summary>
    public static NanoFrameworkReferenceAssemblies? Shared => SharedFolder.Value;

    private static readonly Lazy<NanoFrameworkReferenceAssemblies?> SharedFolder = new(() => Open(RepositoryRoot.Shared));

    /// <summary>The nanoframework-refs folder of a shared folder, or null when there is none or it has no mscorlib.</summary>
    public static NanoFrameworkReferenceAssemblies? Open(string? sharedFolder)
    {
        string folder = sharedFolder == null ? "" : Path.Combine(sharedFolder, FolderName);
        return File.Exists(Path.Combine(folder, "mscorlib.dll")) ? new NanoFrameworkReferenceAssemblies(folder) : null;
    }

    /// <summary>The reference for an assembly name (a .nfproj Reference's Include), or null when the folder lacks it.</summary>
    public MetadataReference? Reference(string assemblyName)
    {
        if (!_paths.TryGetValue(assemblyName, out string? path)) return null;
        lock (_references)
        {
            if (!_references.TryGetValue(assemblyName, out var reference))
            {
                reference = MetadataReference.CreateFromFile(path);
                _references.Add(assemblyName, reference);
            }
            return reference;
        }
    }

    /// <summary>Every public type of that simple name in any of the assemblies, whatever its namespace.</summary>
    public IReadOnlyList<NanoFrameworkType> TypesNamed(string name) =>
        _types.Where(t => string.Equals(t.Name, name, StringComparison.Ordinal)).ToList();

    private static IEnumerable<(string Namespace, string Name)> PublicTypes(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
            string name = metadata.GetString(type.Name);
            int arity = name.IndexOf('`', StringComparison.Ordinal);
            yield return (metadata.GetString(type.Namespace), arity < 0 ? name : name[..arity]);
        }
    }
}
