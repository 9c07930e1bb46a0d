using System.Text;
using SecureOta.Build.Gate;
using static SecureOta.Build.Site.Html;

namespace SecureOta.Build.Site;

/// <summary>
/// The dashboard's "Rollouts and device reports" section, rendered from the rollout gate's record
/// (<see cref="GateRecord"/>) as of this refresh: per channel its step and target, per release the devices
/// that installed (trial scheduled), confirmed, reverted, failed and rejected it, the versions in the field,
/// the failure reasons, and the gate's last decisions with their reasons. Absent without a record.
/// </summary>
internal static class DashboardRollouts
{
    public static void Append(StringBuilder html, GateRecord? record)
    {
        if (record is null) return;
        html.Append("<section id=\"rollouts\">\n<h2>Rollouts and device reports</h2>\n<p class=\"muted\">As of the refresh of ").Append(Encode(Time(record.Generated)));
        html.Append(record.SummaryGenerated is { } generated
            ? "; device reports from the collector's summary generated " + Encode(Time(generated)) + "."
            : "; no device reports: " + Encode(record.SummaryProblem ?? "no collector summary") + ".");
        html.Append(" Published as <a href=\"").Append(Encode(GateRecord.SitePath)).Append("\">").Append(Encode(GateRecord.SitePath)).Append("</a>.</p>\n<div class=\"cards\">\n");
        foreach (var channel in record.Channels) AppendChannel(html, channel);
        html.Append("</div>\n</section>\n");
    }

    private static void AppendChannel(StringBuilder html, GateChannelRecord channel)
    {
        html.Append("<article class=\"card\" id=\"rollout-").Append(Encode(channel.Channel)).Append("\">\n<h3>").Append(Encode(channel.Channel)).Append("</h3>\n<dl>\n");
        Term(html, "Newest release", Encode(channel.Release));
        Term(html, "Manifest targets", Encode(channel.Target));
        Term(html, "Rollout step", $"<meter min=\"0\" max=\"100\" value=\"{Integer(channel.Percent)}\">{Integer(channel.Percent)} %</meter> "
            + $"<span class=\"state {Encode(channel.State)}\">{Integer(channel.Percent)} %, {Encode(channel.State)}</span>");
        Term(html, "Rollout gate", channel.Governed ? "acts on this channel (rolloutPolicy)" : "<span class=\"muted\">off (no rolloutPolicy)</span>");
        html.Append("</dl>\n");
        AppendReports(html, channel.Reports);
        AppendDecisions(html, channel.Decisions);
        html.Append("</article>\n");
    }

    private static void AppendReports(StringBuilder html, ChannelReportSummary? reports)
    {
        if (reports is null || (reports.Releases.Count == 0 && reports.VersionsInField.Count == 0))
        {
            html.Append("<p class=\"muted\">No device reports for this channel.</p>\n");
            return;
        }

        html.Append("<div class=\"scroll\"><table class=\"reports\">\n<thead><tr><th>Release</th><th class=\"number\">Installed</th><th class=\"number\">Confirmed</th>")
            .Append("<th class=\"number\">Reverted</th><th class=\"number\">Failed</th><th class=\"number\">Rejected</th></tr></thead>\n<tbody>\n");
        foreach (var release in reports.Releases)
        {
            var d = release.Devices;
            html.Append("<tr><td>").Append(Encode(release.Version)).Append("</td><td class=\"number\">").Append(Number(d.TrialScheduled))
                .Append("</td><td class=\"number\">").Append(Number(d.Confirmed)).Append("</td><td class=\"number\">").Append(Number(d.Reverted))
                .Append("</td><td class=\"number\">").Append(Number(d.Failed)).Append("</td><td class=\"number\">").Append(Number(d.Rejected)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n<p>Versions in the field: ")
            .Append(reports.VersionsInField.Count == 0 ? "<span class=\"muted\">none reported</span>"
                : string.Join(", ", reports.VersionsInField.Select(v => Encode(v.Key) + " on " + Number(v.Value) + " device(s)")))
            .Append("</p>\n");
        var reasons = reports.Releases.SelectMany(r => r.FailureReasons.Select(f => (r.Version, f))).OrderByDescending(x => x.f.Devices).Take(10).ToList();
        if (reasons.Count == 0) return;
        html.Append("<p>Failure reasons:</p>\n<ul class=\"reasons\">\n");
        foreach (var (version, reason) in reasons)
        {
            html.Append("<li>").Append(Encode(version)).Append(": ").Append(Encode(reason.Kind))
                .Append(reason.Check is null ? "" : " " + Code(reason.Check)).Append(reason.Reason is null ? "" : ", " + Encode(reason.Reason))
                .Append(" (").Append(Number(reason.Devices)).Append(" device(s))</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendDecisions(StringBuilder html, IReadOnlyList<GateDecision> decisions)
    {
        if (decisions.Count == 0) return;
        html.Append("<div class=\"scroll\"><table class=\"decisions\">\n<thead><tr><th>When (UTC)</th><th>Release</th><th>Decision</th>")
            .Append("<th class=\"number\">Step</th><th class=\"number\">Outcomes</th><th class=\"number\">Failure rate</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var decision in decisions)
        {
            var verdict = decision.Verdict.ToString().ToLowerInvariant();
            html.Append("<tr><td>").Append(Encode(Time(decision.At))).Append("</td><td>").Append(Encode(decision.Release))
                .Append("</td><td><span class=\"state ").Append(decision.Verdict == GateVerdict.Halt ? "halted" : "").Append("\">").Append(Encode(verdict)).Append("</span></td><td class=\"number\">")
                .Append(Encode($"{decision.StepBefore} % → {decision.StepAfter} %")).Append("</td><td class=\"number\">").Append(Number(decision.Devices.Outcomes))
                .Append("</td><td class=\"number\">").Append(decision.Devices.FailureRate is { } rate ? Percent(rate * 100) : "<span class=\"muted\">n/a</span>")
                .Append("</td><td>").Append(Encode(decision.Why)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }
}
