using System.Text;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;
using static SecureOta.Build.Site.Html;

namespace SecureOta.Build.Site;

/// <summary>
/// The dashboard's channel cards: per channel the current release, its rollout state, issue and expiry
/// times with the time left, and every artifact with its size and, for patches, the bytes saved
/// against the full image.
/// </summary>
internal static class DashboardChannels
{
    public static void Append(StringBuilder html, SiteInputs inputs)
    {
        html.Append("<section id=\"channels\">\n<h2>Channels</h2>\n<div class=\"cards\">\n");
        foreach (var channel in inputs.Channels)
        {
            AppendCard(html, channel, inputs.BuiltAt);
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

    private static void AppendCard(StringBuilder html, SignedChannel channel, DateTimeOffset builtAt)
    {
        var manifest = channel.Manifest;
        var release = manifest.Release;
        html.Append("<article class=\"card\" id=\"channel-").Append(Encode(channel.Channel)).Append("\">\n<h3>").Append(Encode(channel.Channel)).Append("</h3>\n<dl>\n");
        Term(html, "Current release", Encode(release.Version));
        Term(html, "Rollout", Rollout(channel));
        Term(html, "Security version", Integer(release.SecurityVersion));
        Term(html, "Issued", Encode(Time(manifest.Issued)));
        Term(html, "Expires", Encode(Time(manifest.Expires)));
        Term(html, "Time left", TimeLeft(manifest.Expires, builtAt) + " <span class=\"muted\">(at build time; re-signed daily)</span>");
        Term(html, "Sequence", Integer(manifest.Sequence));
        Term(html, "Image", Number(release.ImageSize) + " bytes, SHA-256 " + Code(Convert.ToHexStringLower(release.ImageSha256)));
        Term(html, "Manifest", Link(SiteLayout.ChannelFile(channel.Channel), SiteLayout.ChannelFile(channel.Channel)));
        html.Append("</dl>\n");
        AppendArtifacts(html, release);
        html.Append("</article>\n");
    }

    /// <summary>The rollout in words, with a meter of the published share (a plain HTML element: no script).</summary>
    private static string Rollout(SignedChannel channel)
    {
        var target = channel.Target;
        var percent = channel.Manifest.Rollout.Percent;
        var meter = $"<meter min=\"0\" max=\"100\" value=\"{Integer(percent)}\" title=\"{Integer(percent)} %\">{Integer(percent)} %</meter> ";
        var rollout = target.Rollout;
        string words = rollout?.State switch
        {
            RolloutState.Paused => $"Paused at {rollout.Percent} %: no further device starts {rollout.Release}; devices that installed it keep it.",
            RolloutState.Halted => $"Halted: {rollout.Release} is withdrawn; every device is offered {rollout.Pinned}.",
            _ when percent == 100 => "Every device (100 %).",
            _ => $"{percent} % of devices (staged; widening it keeps every device already in).",
        };
        var css = rollout?.State switch
        {
            RolloutState.Paused => "state paused",
            RolloutState.Halted => "state halted",
            _ => "state",
        };
        return meter + "<span class=\"" + css + "\">" + Encode(words) + "</span>";
    }

    private static void AppendArtifacts(StringBuilder html, ReleaseEntry release)
    {
        var full = release.Artifacts.FirstOrDefault(a => a.Kind == ArtifactEntry.FullKind);
        html.Append("<div class=\"scroll\"><table class=\"artifacts\">\n<thead><tr><th>Artifact</th><th class=\"number\">Size (bytes)</th><th class=\"number\">Saved vs full image</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
        foreach (var artifact in release.Artifacts)
        {
            var path = SiteLayout.OtaBase + "blobs/" + Convert.ToHexStringLower(artifact.Sha256);
            html.Append("<tr><td>").Append(Encode(artifact.Kind)).Append("</td><td class=\"number\">").Append(Number(artifact.Size))
                .Append("</td><td class=\"number\">").Append(Saved(artifact, full))
                .Append("</td><td>").Append(Link(path, Convert.ToHexStringLower(artifact.Sha256), code: true)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    /// <summary>For a patch: the bytes a device does not download compared with the full image.</summary>
    private static string Saved(ArtifactEntry artifact, ArtifactEntry? full)
    {
        if (artifact.Kind == ArtifactEntry.FullKind || full is null) return "<span class=\"muted\">&mdash;</span>";
        long saved = (long)full.Size - artifact.Size;
        if (saved <= 0) return "none (" + Number(-saved) + " bytes larger)";
        return Number(saved) + " (" + Percent(100.0 * saved / full.Size) + ")";
    }
}
