using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Site;

/// <summary>
/// Renders <c>index.html</c>: a plain, readable release dashboard for people (HTML and CSS, no
/// JavaScript). Per channel the current release, its security version, issue and expiry times and
/// artifacts; every release; the newest root's version, roles and pinned CAs. Every value is HTML
/// encoded. Deterministic: the only time shown is the build's "now".
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
            .Append(". Devices poll <code>").Append(Encode(SiteLayout.OtaBase)).Append("channels/&lt;channel&gt;.json</code> and verify everything below before they trust it.</p>\n</header>\n");
        if (inputs.IsDemo)
        {
            html.Append("<p class=\"demo\">Signed with DEMO keys generated for demonstration: no real device should trust this site.</p>\n");
        }

        AppendChannels(html, inputs);
        AppendReleases(html, inputs);
        AppendTrust(html, inputs.Roots.Newest);
        html.Append("<footer class=\"muted\">Published files: <a href=\"").Append(Encode(SiteLayout.RootFile)).Append("\">").Append(Encode(SiteLayout.RootFile))
            .Append("</a>, <code>").Append(Encode(SiteLayout.OtaBase)).Append("roots/&lt;N&gt;.json</code>, <code>")
            .Append(Encode(SiteLayout.OtaBase)).Append("blobs/&lt;sha256&gt;</code>, <code>")
            .Append(Encode(SiteLayout.OtaBase)).Append("keys/&lt;version&gt;/&lt;recipient id&gt;</code>.</footer>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendChannels(StringBuilder html, SiteInputs inputs)
    {
        html.Append("<section>\n<h2>Channels</h2>\n<div class=\"cards\">\n");
        foreach (var channel in inputs.Channels)
        {
            var manifest = channel.Manifest;
            var release = manifest.Release;
            html.Append("<article class=\"card\">\n<h3>").Append(Encode(channel.Channel)).Append("</h3>\n<dl>\n");
            Term(html, "Current release", Encode(release.Version));
            Term(html, "Security version", Integer(release.SecurityVersion));
            Term(html, "Issued", Encode(Time(DateTimeOffset.FromUnixTimeSeconds(manifest.Issued))));
            Term(html, "Expires", Encode(Time(DateTimeOffset.FromUnixTimeSeconds(manifest.Expires))));
            Term(html, "Sequence", Integer(manifest.Sequence));
            Term(html, "Rollout", Number(manifest.Rollout.Percent) + " %");
            Term(html, "Image", Number(release.ImageSize) + " bytes, SHA-256 <code>" + Hex(release.ImageSha256) + "</code>");
            Term(html, "Manifest", Link(SiteLayout.ChannelFile(channel.Channel), SiteLayout.ChannelFile(channel.Channel)));
            html.Append("</dl>\n<table>\n<thead><tr><th>Artifact</th><th>Size (bytes)</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
            foreach (var artifact in release.Artifacts)
            {
                var path = SiteLayout.OtaBase + "blobs/" + Convert.ToHexStringLower(artifact.Sha256);
                html.Append("<tr><td>").Append(Encode(artifact.Kind)).Append("</td><td class=\"number\">").Append(Number(artifact.Size))
                    .Append("</td><td>").Append(Link(path, Convert.ToHexStringLower(artifact.Sha256), code: true)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</article>\n");
        }

        foreach (var name in inputs.ChannelsWithoutRelease)
        {
            html.Append("<article class=\"card\">\n<h3>").Append(Encode(name)).Append("</h3>\n<p class=\"muted\">No release yet: no manifest is published.</p>\n</article>\n");
        }

        if (inputs.Channels.Count == 0 && inputs.ChannelsWithoutRelease.Count == 0)
        {
            html.Append("<p class=\"muted\">No channels are declared.</p>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void AppendReleases(StringBuilder html, SiteInputs inputs)
    {
        html.Append("<section>\n<h2>Releases</h2>\n");
        if (inputs.Releases.Count == 0)
        {
            html.Append("<p class=\"muted\">No releases.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Version</th><th>Security version</th><th>Channels</th><th>Image (bytes)</th>")
            .Append("<th>Encrypted artifact</th><th>Notes</th></tr></thead>\n<tbody>\n");
        foreach (var release in inputs.Releases.Reverse())
        {
            html.Append("<tr><td>").Append(Encode(release.Version)).Append("</td><td class=\"number\">").Append(Integer(release.Release.SecurityVersion))
                .Append("</td><td>").Append(Encode(string.Join(", ", release.Release.Channels))).Append("</td><td class=\"number\">").Append(Number(release.Digests.ImageSize))
                .Append("</td><td>").Append(Number(release.Full.Size)).Append(" bytes, ").Append(Link(SiteLayout.OtaBase + release.Full.Path, release.Full.BlobName, code: true))
                .Append("</td><td>").Append(Encode(release.Release.Notes)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendTrust(StringBuilder html, TrustedRoot root)
    {
        html.Append("<section>\n<h2>Trust</h2>\n<dl>\n");
        Term(html, "Root version", Integer(root.Version) + " (" + Link(SiteLayout.RootFile, SiteLayout.RootFile) + ")");
        Term(html, "Root expires", Encode(Time(DateTimeOffset.FromUnixTimeSeconds(root.Expires))));
        Term(html, "Root keys", Role(root.RootRole));
        Term(html, "Release keys", Role(root.ReleaseRole));
        html.Append("</dl>\n<h3>Pinned certificate authorities</h3>\n<ul>\n");
        for (int i = 0; i < root.TlsAnchorCount; i++)
        {
            html.Append("<li>").Append(Encode(Subject(root.GetTlsAnchor(i)))).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static string Role(SigningRole role)
    {
        var text = new StringBuilder(Number(role.Threshold)).Append(" of ").Append(Number(role.KeyCount)).Append(" must sign:<ul>");
        for (int i = 0; i < role.KeyCount; i++)
        {
            text.Append("<li><code>").Append(Encode(role.GetKeyId(i))).Append("</code></li>");
        }

        return text.Append("</ul>").ToString();
    }

    /// <summary>The CA's subject name; root metadata was verified, so each anchor is a parseable PEM certificate.</summary>
    private static string Subject(string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.Subject;
        }
        catch (CryptographicException)
        {
            return "(a certificate that does not parse)";
        }
    }

    private static void Term(StringBuilder html, string term, string encodedValue) =>
        html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(encodedValue).Append("</dd>\n");

    private static string Link(string href, string text, bool code = false)
    {
        var label = code ? "<code>" + Encode(text) + "</code>" : Encode(text);
        return "<a href=\"" + Encode(href) + "\">" + label + "</a>";
    }

    private static string Hex(byte[] bytes) => Encode(Convert.ToHexStringLower(bytes));

    /// <summary>A size or count, with thousands separators for reading.</summary>
    private static string Number(long value) => Encode(value.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>An identifier-like number (sequence, version), exactly as the manifest carries it.</summary>
    private static string Integer(long value) => Encode(value.ToString(CultureInfo.InvariantCulture));

    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
