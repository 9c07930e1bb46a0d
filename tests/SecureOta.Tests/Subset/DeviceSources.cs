namespace SecureOta.Tests.Subset;

/// <summary>
/// The source files under device/ that run on the device, split by how they can be checked:
/// the portable core and every Portable/ folder of the ESP32 projects compile on the host and get
/// the semantic check; the rest of device/Esp32 calls nanoFramework-only APIs and gets the syntax
/// check. device/Host, device/Simulator and device/Esp32/HostTools are host-only by design.
/// </summary>
internal static class DeviceSources
{
    public static IEnumerable<(string Path, string Text)> Semantic() => Select(kind => kind == Kind.Semantic);

    public static IEnumerable<(string Path, string Text)> SyntaxOnly() => Select(kind => kind == Kind.SyntaxOnly);

    private enum Kind { HostOnly, Semantic, SyntaxOnly }

    private static IEnumerable<(string Path, string Text)> Select(Func<Kind, bool> wanted)
    {
        var device = Path.Combine(RepositoryRoot.FullPath, "device");
        return Directory.EnumerateFiles(device, "*.cs", SearchOption.AllDirectories)
            .Where(path => wanted(KindOf(Path.GetRelativePath(device, path).Split(Path.DirectorySeparatorChar))))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(RepositoryRoot.FullPath, path), File.ReadAllText(path)));
    }

    private static Kind KindOf(string[] segments)
    {
        if (segments.Contains("obj") || segments.Contains("bin") || segments.Contains("packages")) return Kind.HostOnly;
        switch (segments[0])
        {
            case "Host":
            case "Simulator":
                return Kind.HostOnly;
            case "Esp32":
                if (segments.Length > 1 && segments[1] == "HostTools") return Kind.HostOnly;
                return segments.Contains("Portable") ? Kind.Semantic : Kind.SyntaxOnly;
            default:
                // The core, and any new device-side folder, gets the strictest check.
                return Kind.Semantic;
        }
    }
}
