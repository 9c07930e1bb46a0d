namespace SecureOta.Tests.Build.Support;

/// <summary>The repository this test run was built from (the folder holding SecureOta.slnx).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SecureOta.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SecureOta.slnx not found above " + AppContext.BaseDirectory);
    }
}
