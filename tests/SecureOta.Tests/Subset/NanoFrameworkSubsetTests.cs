namespace SecureOta.Tests.Subset;

/// <summary>
/// Device code must run on nanoFramework. The portable core (and the portable parts of the ESP32
/// projects) get the full semantic check; the rest of the ESP32 projects call nanoFramework-only
/// APIs the host cannot resolve, so they get the syntax-level rules. The checker is itself tested
/// on small snippets in both modes, so a silent checker cannot pass the real check by accident.
/// </summary>
public sealed class NanoFrameworkSubsetTests
{
    [Fact]
    public void Device_sources_use_only_the_nanoFramework_subset()
    {
        var sources = DeviceSources.Semantic().ToList();
        Assert.Contains(sources, s => s.Path.StartsWith(Path.Combine("device", "Core"), StringComparison.Ordinal));

        var problems = NanoFrameworkSubsetChecker.Check(sources);

        Assert.True(problems.Count == 0, "Device code outside the nanoFramework subset:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Esp32_sources_use_only_the_nanoFramework_syntax_subset()
    {
        var sources = DeviceSources.SyntaxOnly().ToList();
        Assert.Contains(sources, s => s.Path.EndsWith("NanoHttpTransport.cs", StringComparison.Ordinal));

        var problems = NanoFrameworkSubsetChecker.CheckSyntaxOnly(sources);

        Assert.True(problems.Count == 0, "ESP32 code outside the nanoFramework subset:\n" + string.Join("\n", problems));
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

    // Syntax mode: each snippet holds exactly one violation that must be found without resolving a name.
    [Theory]
    [InlineData("public void M() { var list = new List<int>(); }", "generic type or method List<int>")]
    [InlineData("public void M() { var b = Array.Empty<byte>(); }", "generic type or method Empty<byte>")]
    [InlineData("public void M<T>(T value) { }", "generic declaration")]
    [InlineData("public async void M() { }", "async method")]
    [InlineData("public void M() { Func f = async () => { }; }", "async lambda")]
    [InlineData("public async void M(Task t) { await t; }", "await")]
    [InlineData("public void M(int[] a) { var q = from x in a select x; }", "LINQ query")]
    [InlineData("public void M() { var s = stackalloc byte[4]; }", "stackalloc")]
    [InlineData("public void M() { var t = (1, 2); }", "tuple")]
    [InlineData("public (int, int) M() { return default; }", "tuple")]
    [InlineData("public void M() { unsafe { } }", "unsafe code")]
    [InlineData("public unsafe void M() { }", "unsafe code")]
    [InlineData("public void M(int* p) { }", "pointer type")]
    [InlineData("public System.Collections.IEnumerable M() { yield return 1; }", "iterator (yield)")]
    [InlineData("public void M() { var n = System.Linq.Enumerable.Range; }", "System.Linq.Enumerable.Range is in a namespace nanoFramework lacks")]
    [InlineData("public System.Threading.Tasks.Task M() { return null; }", "System.Threading.Tasks.Task is in a namespace nanoFramework lacks")]
    [InlineData("public void M(object o) { var s = o switch { _ => 1 }; }", "does not compile as C# 7.3")]
    [InlineData("public void M() { using var s = new System.IO.MemoryStream(); }", "does not compile as C# 7.3")]
    [InlineData("public void M() { string s = null!; }", "does not compile as C# 7.3")]
    [InlineData("public void M() { var p = new Point(); int x = 1 switch }", "does not parse as C# 7.3")]
    public void Syntax_mode_flags_what_the_device_lacks(string member, string expected)
    {
        var problems = CheckSnippetSyntaxOnly("using System;\nnamespace N { public class C { " + member + " } }");

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("using System.Linq;")]
    [InlineData("using System.Collections.Generic;")]
    [InlineData("using System.Threading.Tasks;")]
    [InlineData("using System.Net.Http;")]
    [InlineData("using Enumerable = System.Linq.Enumerable;")]
    public void Syntax_mode_flags_forbidden_using_directives(string directive)
    {
        var problems = CheckSnippetSyntaxOnly(directive + "\nnamespace N { public class C { } }");

        Assert.Contains(problems, p => p.Contains("nanoFramework lacks this namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void Syntax_mode_accepts_nanoFramework_only_apis_the_host_cannot_resolve()
    {
        var problems = CheckSnippetSyntaxOnly(
            "using System.Net;\nusing System.Security.Cryptography;\nusing System.Security.Cryptography.X509Certificates;\n" +
            "using nanoFramework.Runtime.Native;\nnamespace N { public class C { public void M(byte[] pem, byte[] key, byte[] data) {" +
            " HttpWebRequest request = (HttpWebRequest)WebRequest.Create(\"https://example.org/\");" +
            " request.HttpsAuthentCert = new X509Certificate(pem); request.SslProtocols = System.Net.Security.SslProtocols.Tls12;" +
            " request.AddRange(5); byte[] mac = new HMACSHA256(key).ComputeHash(data); Power.RebootDevice(); } } }");

        Assert.Empty(problems);
    }

    [Fact]
    public void Syntax_mode_still_flags_host_cryptography_for_the_semantic_check()
    {
        // System.Security.Cryptography is allowed only in syntax mode (nanoFramework has its own);
        // the portable core, checked semantically, may not touch it.
        var problems = CheckSnippet("public void M() { var h = new System.Security.Cryptography.HMACSHA256(new byte[1]); }");

        Assert.Contains(problems, p => p.Contains("nanoFramework lacks", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> CheckSnippet(string member) =>
        NanoFrameworkSubsetChecker.Check(new[] { ("Snippet.cs", "namespace N { public class C { " + member + " } }") });

    private static IReadOnlyList<string> CheckSnippetSyntaxOnly(string source) =>
        NanoFrameworkSubsetChecker.CheckSyntaxOnly(new[] { ("Snippet.cs", source) });
}
