#:property PublishAot=false
// Packs an application's nanoFramework .pe files into the app bundle the loader starts
// (device/Esp32/README.md, "Application image"). A .NET 10 file-based app; run from the repository:
//   dotnet run device/Esp32/HostTools/PackAppBundle.cs -- --entry <Namespace.Type> --out <app.bin> <first.pe> ... <entry.pe>
// List the .pe files in load order, dependencies first, the one holding the entry type last, and
// leave out every assembly the loader already deploys (mscorlib, SecureOta.Device.Core, ...).

return AppBundleWriter.Run(args);

/// <summary>Writes the app bundle layout that the loader's AppBundleHeader reads.</summary>
public static class AppBundleWriter
{
    public const int MaxAssemblies = 16;
    public const int MaxEntryNameLength = 128;
    public static readonly byte[] Magic = "SOTAAPP1"u8.ToArray();

    public static int Run(string[] args)
    {
        string? entry = null;
        string? output = null;
        var inputs = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--entry" when i + 1 < args.Length: entry = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                default: inputs.Add(args[i]); break;
            }
        }
        if (entry is null || output is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: PackAppBundle --entry <Namespace.Type> --out <app.bin> <first.pe> ... <entry.pe>");
            return 2;
        }
        try
        {
            byte[] bundle = Write(entry, inputs.Select(File.ReadAllBytes).ToArray());
            File.WriteAllBytes(output, bundle);
            Console.WriteLine($"{output}: {bundle.Length} bytes, {inputs.Count} assemblies, entry {entry}.Run(BootManager)");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>The bundle: magic, count, entry name, big-endian lengths, then the files in order.</summary>
    public static byte[] Write(string entryTypeName, byte[][] assemblies)
    {
        ArgumentNullException.ThrowIfNull(entryTypeName);
        ArgumentNullException.ThrowIfNull(assemblies);
        if (assemblies.Length is < 1 or > MaxAssemblies)
            throw new ArgumentException($"an app bundle holds 1 to {MaxAssemblies} assemblies, not {assemblies.Length}");
        if (entryTypeName.Length is < 1 or > MaxEntryNameLength || !IsDottedName(entryTypeName))
            throw new ArgumentException($"'{entryTypeName}' is not a full type name of 1 to {MaxEntryNameLength} ASCII letters, digits, '_' and '.'");
        if (assemblies.Any(a => a.Length == 0)) throw new ArgumentException("an assembly is empty");

        using var bundle = new MemoryStream();
        bundle.Write(Magic);
        bundle.WriteByte((byte)assemblies.Length);
        bundle.WriteByte((byte)entryTypeName.Length);
        bundle.Write(System.Text.Encoding.ASCII.GetBytes(entryTypeName));
        Span<byte> length = stackalloc byte[4];
        foreach (var assembly in assemblies)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, checked((uint)assembly.Length));
            bundle.Write(length);
        }
        foreach (var assembly in assemblies) bundle.Write(assembly);
        return bundle.ToArray();
    }

    private static bool IsDottedName(string name) =>
        name.Split('.').All(segment => segment.Length > 0 && !char.IsAsciiDigit(segment[0])
                                       && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
}
