namespace SecureOta.Tests.Support;

/// <summary>
/// Folders a test run needs but no test names (the default releases and keys folders of a build run
/// that gives none): under one temp folder per test process, deleted when the process exits.
/// </summary>
internal static class TestScratch
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("secureota-test-scratch-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    });

    /// <summary>A new empty folder named after <paramref name="purpose"/>.</summary>
    public static string NewFolder(string purpose) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, purpose + "-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    /// <summary>A fresh releases folder with the tests' sample releases.</summary>
    public static string NewReleases() => TestReleases.Write(Path.Combine(NewFolder("repo"), "releases"));

    /// <summary>A fresh keys folder as a new repository has it: the test pinned CAs and no recipient.</summary>
    public static string NewKeys()
    {
        var keys = Path.Combine(NewFolder("repo"), "keys");
        TestAnchors.CopyInto(keys);
        File.WriteAllText(Path.Combine(keys, "recipients.json"), "{\n  \"recipients\": []\n}\n");
        return keys;
    }
}
