namespace SecureOta.Tests;

/// <summary>The repository root, found by walking up from the test binaries to SecureOta.slnx.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureOta.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("SecureOta.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string FullPath => Root.Value;

    /// <summary>../shared next to the repository (design docs, test vectors, firmware pairs), or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(FullPath, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }
}
