using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// With releases that differ per channel: each manifest targets its own channel's newest release,
/// every release still has its blob, a channel with no release gets no manifest, and the dashboard
/// shows it all with every value HTML-encoded.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ChannelSelectionTests : IClassFixture<ChannelSelectionTests.ChannelBuild>
{
    private readonly ChannelBuild _build;

    public ChannelSelectionTests(ChannelBuild build) => _build = build;

    [Fact]
    public void Each_manifest_names_the_newest_release_of_its_own_channel()
    {
        Assert.Equal("1.1.0", Version(SiteFiles.Manifest(_build.Site, "stable")));
        Assert.Equal("1.2.0", Version(SiteFiles.Manifest(_build.Site, "beta")));
    }

    [Fact]
    public void Every_release_keeps_its_blob_and_keys_even_when_no_manifest_names_it()
    {
        // The three full images, and one patch per channel: 1.0.0 -> 1.1.0 (stable) and 1.1.0 -> 1.2.0 (beta).
        Assert.Equal(5, Directory.GetFiles(SiteFiles.Ota(_build.Site, "blobs")).Length);
        Assert.Equal("1.0.0", Assert.Single(Deltas(SiteFiles.Manifest(_build.Site, "stable"))).GetProperty("baseVersion").GetString());
        Assert.Equal("1.1.0", Assert.Single(Deltas(SiteFiles.Manifest(_build.Site, "beta"))).GetProperty("baseVersion").GetString());
        Assert.Equal(["1.0.0", "1.1.0", "1.2.0"], Directory.GetDirectories(SiteFiles.Ota(_build.Site, "keys")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_declared_channel_without_release_gets_a_warning_and_no_manifest()
    {
        Assert.False(File.Exists(SiteFiles.Ota(_build.Site, "channels", "nightly.json")));
        Assert.Contains("Channel 'nightly' is declared in channels.json but has no release", _build.Run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("<h3>nightly</h3>\n<p class=\"muted\">No release yet", _build.Dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_encodes_every_value_and_runs_no_script()
    {
        Assert.Contains("Fixes &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more", _build.Dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", _build.Dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", _build.Dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase), _build.Dashboard);
    }

    [Fact]
    public void Dashboard_shows_each_channel_release_artifacts_root_and_pinned_cas()
    {
        var html = _build.Dashboard;
        var stable = SiteFiles.Manifest(_build.Site, "stable");
        var artifact = stable.GetProperty("release").GetProperty("artifacts")[0];

        Assert.Contains("<h3>stable</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Current release</dt><dd>1.1.0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Security version</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Issued</dt><dd>2026-01-01 00:00:00 UTC</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Expires</dt><dd>2026-01-15 00:00:00 UTC</dd>", html, StringComparison.Ordinal);
        Assert.Contains(artifact.GetProperty("sha256").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains(artifact.GetProperty("size").GetInt32().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("<dt>Root version</dt><dd>1 (", html, StringComparison.Ordinal);
        Assert.Contains(SiteFiles.Payload(SiteFiles.Ota(_build.Site, "root.json")).GetProperty("roles").GetProperty("release").GetProperty("keyIds")[0].GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("CN=ISRG Root X1, O=Internet Security Research Group, C=US", html, StringComparison.Ordinal);
        Assert.Contains("CN=DigiCert Global Root G2", html, StringComparison.Ordinal);
        Assert.Contains("DEMO keys", html, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Deltas(JsonElement manifest) =>
        manifest.GetProperty("release").GetProperty("artifacts").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "delta");

    private static string Version(JsonElement manifest) => manifest.GetProperty("release").GetProperty("version").GetString()!;

    /// <summary>
    /// One build of a releases/ copy where 1.2.0 is in beta only, 1.1.0 carries security version 2
    /// and notes with markup, and channels.json declares a channel "nightly" with no release.
    /// </summary>
    public sealed class ChannelBuild
    {
        public ChannelBuild(PipelineFixture fixture)
        {
            var releases = fixture.CopyOfReleases();
            Edit(Path.Combine(releases, "1.2.0", "release.json"), "\"stable\",\n    \"beta\"", "\"beta\"");
            Edit(Path.Combine(releases, "1.1.0", "release.json"), "\"securityVersion\": 1", "\"securityVersion\": 2");
            Edit(Path.Combine(releases, "1.1.0", "release.json"), "\"notes\": \"", "\"notes\": \"Fixes <script>alert(\\\"x\\\")</script> & more. ");
            Edit(Path.Combine(releases, "channels.json"), "\"beta\": {", "\"nightly\": {\"manifestLifetimeDays\": 1, \"deltaBaseCount\": 0},\n    \"beta\": {");
            Site = Path.Combine(fixture.NewFolder("channels"), "site");
            Run = PipelineRun.Execute([.. fixture.Arguments(Site), $"--releases-dir={releases}"]).AssertSucceeded();
            Dashboard = File.ReadAllText(Path.Combine(Site, "index.html"));
        }

        public string Site { get; }

        internal PipelineRun Run { get; }

        public string Dashboard { get; }

        private static void Edit(string file, string from, string to)
        {
            var text = File.ReadAllText(file);
            Assert.Contains(from, text, StringComparison.Ordinal);
            File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
