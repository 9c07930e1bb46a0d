using System.Globalization;
using System.Text;
using SecureOta.Build.Publishing;
using SecureOta.Build.Site;
using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The dashboard's HTML for what builds do not make yet: delta patches in a manifest get their size
/// and the bytes they save against the full image, so the page is ready when patches arrive.
/// </summary>
public sealed class DashboardPageTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public void A_patch_shows_the_bytes_it_saves_against_the_full_image()
    {
        var inputs = InputsWithArtifacts((full) =>
        [
            Artifact("delta", 20_000),
            Artifact("delta", full.Size + 100),
        ]);
        var full = inputs.Channels[0].Manifest.Release.Artifacts[0];

        var html = Encoding.UTF8.GetString(DashboardPage.Render(inputs));

        long saved = full.Size - 20_000;
        var percent = (100.0 * saved / full.Size).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.Contains($"<tr><td>delta</td><td class=\"number\">20,000</td><td class=\"number\">{saved.ToString("N0", CultureInfo.InvariantCulture)} ({percent} %)</td>",
            html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">none (100 bytes larger)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>full</td><td class=\"number\">" + full.Size.ToString("N0", CultureInfo.InvariantCulture) + "</td><td class=\"number\"><span class=\"muted\">&mdash;</span></td>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_close_to_expiry_is_marked_soon_and_a_past_one_expired()
    {
        var inputs = InputsWithArtifacts(_ => []);
        var manifest = inputs.Channels[0].Manifest;

        var soon = Encoding.UTF8.GetString(DashboardPage.Render(inputs with { BuiltAt = DateTimeOffset.FromUnixTimeSeconds(manifest.Expires - 3600) }));
        var past = Encoding.UTF8.GetString(DashboardPage.Render(inputs with { BuiltAt = DateTimeOffset.FromUnixTimeSeconds(manifest.Expires + 1) }));

        Assert.Contains("<dt>Time left</dt><dd><strong class=\"soon\">1 h 0 min (soon)</strong>", soon, StringComparison.Ordinal);
        Assert.Contains("<dt>Time left</dt><dd><strong class=\"expired\">EXPIRED</strong>", past, StringComparison.Ordinal);
    }

    /// <summary>The inputs of a real DEMO build, with extra artifacts added to the first channel's manifest.</summary>
    private SiteInputs InputsWithArtifacts(Func<ArtifactEntry, IReadOnlyList<ArtifactEntry>> extra)
    {
        var context = _workspace.Run().AssertSucceeded().Context!;
        var channel = context.SignedChannels[0];
        var release = channel.Manifest.Release;
        var changed = channel with { Manifest = channel.Manifest with { Release = release with { Artifacts = [.. release.Artifacts, .. extra(release.Artifacts[0])] } } };
        return new SiteInputs(context.Now, context.Keys.IsDemo, context.Keys.Roots, context.EncryptedReleases, context.WrappedKeys,
            [changed, .. context.SignedChannels.Skip(1)], []);
    }

    private static ArtifactEntry Artifact(string kind, int size) =>
        new(kind, size, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), new byte[32], new byte[16], size - 32);

    public void Dispose() => _workspace.Dispose();
}
