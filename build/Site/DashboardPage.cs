using System.Text;
using static SecureOta.Build.Site.Html;

namespace SecureOta.Build.Site;

/// <summary>
/// Renders <c>index.html</c>: a plain, readable release dashboard for people (HTML and CSS, no
/// JavaScript). Per channel the current release, its rollout, expiry with the time left and artifacts
/// (<see cref="DashboardChannels"/>); every release; the newest root's version, keys and pinned CAs
/// (<see cref="DashboardTrust"/>); and how to verify a release by hand (<see cref="DashboardVerifyGuide"/>).
/// Every value is HTML encoded. Deterministic: the only time it is relative to is the build's "now".
/// </summary>
public static class DashboardPage
{
    public static byte[] Render(SiteInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>SecureOta releases</title>\n<style>\n").Append(DashboardStyle.Css).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>SecureOta releases</h1>\n<p class=\"muted\">Built ").Append(Encode(Time(inputs.BuiltAt)))
            .Append(". Devices poll <code>").Append(Encode(SiteLayout.OtaBase)).Append("channels/&lt;channel&gt;.json</code> and verify everything below before they trust it.</p>\n")
            .Append("<nav><a href=\"#channels\">Channels</a> · ").Append(inputs.RolloutGate is null ? "" : "<a href=\"#rollouts\">Rollouts</a> · ").Append("<a href=\"#releases\">Releases</a> · <a href=\"#trust\">Trust</a> · <a href=\"#verify\">Verify by hand</a></nav>\n</header>\n");
        if (inputs.IsDemo)
        {
            html.Append("<p class=\"demo\">Signed with DEMO keys generated for demonstration: no real device should trust this site.</p>\n");
        }

        DashboardChannels.Append(html, inputs);
        DashboardRollouts.Append(html, inputs.RolloutGate);
        AppendReleases(html, inputs);
        DashboardTrust.Append(html, inputs.Roots.Newest, inputs.Roots.Count, inputs.BuiltAt);
        DashboardVerifyGuide.Append(html, inputs.Channels.Count > 0 ? inputs.Channels[0].Channel : "stable");
        html.Append("<footer class=\"muted\">Published files: <a href=\"").Append(Encode(SiteLayout.RootFile)).Append("\">").Append(Encode(SiteLayout.RootFile))
            .Append("</a>, <code>").Append(Encode(SiteLayout.OtaBase)).Append("roots/&lt;N&gt;.json</code>, <code>")
            .Append(Encode(SiteLayout.OtaBase)).Append("blobs/&lt;sha256&gt;</code>, <code>")
            .Append(Encode(SiteLayout.OtaBase)).Append("keys/&lt;version&gt;/&lt;recipient id&gt;</code>.</footer>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendReleases(StringBuilder html, SiteInputs inputs)
    {
        html.Append("<section id=\"releases\">\n<h2>Releases</h2>\n");
        if (inputs.Releases.Count == 0)
        {
            html.Append("<p class=\"muted\">No releases.</p>\n</section>\n");
            return;
        }

        var targets = inputs.Channels.ToLookup(c => c.Release.Version.ToString(), c => c.Channel, StringComparer.Ordinal);
        html.Append("<div class=\"scroll\"><table>\n<thead><tr><th>Version</th><th class=\"number\">Security version</th><th>Channels</th><th>Current in</th><th class=\"number\">Image (bytes)</th>")
            .Append("<th>Encrypted artifact</th><th>Notes</th></tr></thead>\n<tbody>\n");
        foreach (var release in inputs.Releases.Reverse())
        {
            html.Append("<tr><td>").Append(Encode(release.Version)).Append("</td><td class=\"number\">").Append(Integer(release.Release.SecurityVersion))
                .Append("</td><td>").Append(Encode(string.Join(", ", release.Release.Channels)))
                .Append("</td><td>").Append(Encode(string.Join(", ", targets[release.Version]))).Append("</td><td class=\"number\">").Append(Number(release.Digests.ImageSize))
                .Append("</td><td>").Append(Number(release.Full.Size)).Append(" bytes, ").Append(Link(SiteLayout.OtaBase + release.Full.Path, release.Full.BlobName, code: true))
                .Append("</td><td>").Append(Encode(release.Release.Notes)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }
}
