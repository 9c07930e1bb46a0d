namespace SecureOta.Tests.Subset;

/// <summary>
/// Device code must run on nanoFramework. The checker is itself tested on small snippets, so a
/// silent checker cannot pass the real check by accident.
/// </summary>
public sealed class NanoFrameworkSubsetTests
{
    [Fact]
    public void Device_sources_use_only_the_nanoFramework_subset()
    {
        var sources = DeviceSources().ToList();
        Assert.NotEmpty(sources);

        var problems = NanoFrameworkSubsetChecker.Check(sources);

        Assert.True(problems.Count == 0, "Device code outside the nanoFramework subset:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("var list = new System.Collections.Generic.List<int>();", "generic type")]
    [InlineData("int[] a = new int[0]; System.Array.Resize(ref a, 4);", "generic method")]
    [InlineData("var b = System.Array.Empty<byte>();", "generic method")]
    [InlineData("int[] a = { 1 }; var n = System.Linq.Enumerable.Count(a);", "generic method")]
    [InlineData("System.Span<byte> s = new byte[4];", "generic type")]
    [InlineData("var t = (1, 2);", "tuple")]
    [InlineData("var h = System.Convert.ToHexString(new byte[1]);", "does not exist on nanoFramework")]
    [InlineData("var s = System.Security.Cryptography.SHA256.HashData(new byte[1]);", "nanoFramework lacks")]
    public void Checker_flags_what_the_device_lacks(string statement, string expected)
    {
        var problems = CheckSnippet("public void M() { " + statement + " }");

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_flags_async_methods()
    {
        var problems = CheckSnippet("public async void M() { await System.Threading.Tasks.Task.Yield(); }");

        Assert.Contains(problems, p => p.Contains("async method", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_accepts_the_subset()
    {
        var problems = CheckSnippet(
            "public int M(byte[] data) { var table = new System.Collections.Hashtable(); var list = new System.Collections.ArrayList();" +
            " list.Add(data.Length); table[\"n\"] = list.Count; System.Array.Copy(data, 0, data, 0, data.Length);" +
            " return System.BitConverter.ToInt32(data, 0) + System.Text.Encoding.UTF8.GetBytes($\"{data.Length}\").Length; }");

        Assert.Empty(problems);
    }

    private static IReadOnlyList<string> CheckSnippet(string member) =>
        NanoFrameworkSubsetChecker.Check(new[] { ("Snippet.cs", "namespace N { public class C { " + member + " } }") });

    // Everything under device/ that runs on the device: the portable core and the ESP32 projects.
    // device/Host and device/Simulator are host-only by design.
    private static IEnumerable<(string Path, string Text)> DeviceSources()
    {
        var device = Path.Combine(RepositoryRoot.FullPath, "device");
        return Directory.EnumerateFiles(device, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsHostOnly(Path.GetRelativePath(device, path)))
            .Select(path => (Path.GetRelativePath(RepositoryRoot.FullPath, path), File.ReadAllText(path)));
    }

    private static bool IsHostOnly(string relative)
    {
        var first = relative.Split(Path.DirectorySeparatorChar)[0];
        var segments = relative.Split(Path.DirectorySeparatorChar);
        return first is "Host" or "Simulator" || segments.Contains("obj") || segments.Contains("bin");
    }
}
