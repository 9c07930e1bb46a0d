using System.Globalization;

namespace SecureOta.Build.Site;

/// <summary>
/// The site's files (docs/PROTOCOL.md section 1) under <see cref="OtaBase"/>, plus the dashboard and
/// <c>.nojekyll</c> (GitHub Pages would otherwise run Jekyll, which hides some paths). Every full blob of
/// every release is included, with the delta patches to each channel's target and those the live
/// manifests list (<see cref="EncryptedRelease.KeptDeltas"/>), so a device that read the previous manifest
/// during a deploy still finds its blobs. Files come out in a fixed order, and hold nothing but public material.
/// </summary>
public static class SiteLayout
{
    /// <summary>The OTA base folder inside the site; devices are configured with its URL.</summary>
    public const string OtaBase = "ota/v2/";

    public const string RootFile = OtaBase + "root.json";
    public const string DashboardFile = "index.html";
    public const string NoJekyllFile = ".nojekyll";

    public static string RootVersionFile(int version) => OtaBase + "roots/" + version.ToString(CultureInfo.InvariantCulture) + ".json";

    public static string ChannelFile(string channel) => OtaBase + "channels/" + channel + ".json";

    public static IReadOnlyList<SiteFile> Compose(SiteInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new List<SiteFile>
        {
            new(RootFile, inputs.Roots.Envelope(inputs.Roots.Count)),
        };
        for (int version = 1; version <= inputs.Roots.Count; version++)
        {
            files.Add(new SiteFile(RootVersionFile(version), inputs.Roots.Envelope(version)));
        }

        files.AddRange(inputs.Channels.Select(c => new SiteFile(ChannelFile(c.Channel), c.Envelope)));
        files.AddRange(inputs.Releases.Select(r => new SiteFile(OtaBase + r.Full.Path, r.Full.Bytes)));
        files.AddRange(inputs.Releases.SelectMany(r => r.Deltas.Concat(r.KeptDeltas)).Select(d => new SiteFile(OtaBase + d.Artifact.Path, d.Artifact.Bytes)));
        files.AddRange(inputs.WrappedKeys.SelectMany(r => r.Keys.Select(k => new SiteFile(OtaBase + k.SitePath(r.Version), k.Bytes))));
        files.Add(new SiteFile(DashboardFile, DashboardPage.Render(inputs)));
        files.Add(new SiteFile(NoJekyllFile, []));
        if (inputs.RolloutGate is { } gate)
        {
            // Beside the OTA folder, not in it: no device reads it, and the next refresh reads it back.
            files.Add(new SiteFile(Gate.GateRecord.SitePath, Gate.GateRecordJson.Write(gate)));
        }

        var duplicate = files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            // Blob names are digests and key files are per version and recipient; a clash is a defect.
            throw new InvalidOperationException($"The site layout produced '{duplicate.Key}' {duplicate.Count()} times.");
        }

        return files;
    }
}
