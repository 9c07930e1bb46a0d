using System.Globalization;
using System.Text;
using SecureOta.Build.Frosting;
using Spectre.Console;

namespace SecureOta.Build.Verification;

/// <summary>
/// The short summary the Verify task prints: the verified channel manifests, their artifacts, then
/// the root and the wrapped keys. Rendered with Spectre.Console to plain text, so it goes through the
/// build log and follows its verbosity.
/// </summary>
public static class SiteSummaryPrinter
{
    private const int HexPrefix = 16;
    private const int Width = 120;

    public static string Render(SiteVerificationReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var channels = report.Channels.OrderBy(c => c.Channel, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        if (channels.Count == 0)
        {
            text.Append("No channel manifest verified.\n");
        }
        else
        {
            text.Append(RenderToText(ManifestTable(channels, now)));
            text.Append(RenderToText(ArtifactTable(channels)));
            if (DeltaTable(channels) is { } deltas) text.Append(RenderToText(deltas));
            int unverified = channels.Sum(c => c.Manifest.Release.DeltaCount - c.DeltasVerified);
            if (unverified > 0) text.Append(CultureInfo.InvariantCulture, $"{unverified} delta patch(es) NOT verified.\n");
        }

        var published = report.PublishedRootVersions == 1 ? "roots/1.json" : $"roots/1.json to roots/{report.PublishedRootVersions}.json";
        text.Append(CultureInfo.InvariantCulture,
            $"Root version {report.RootVersion} ({published} published), expires {Time(report.RootExpires)} ({Left(report.RootExpires, now)}).\n");
        text.Append(KeysLine(report.Keys)).Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"{report.FilesChecked} file(s) under {OtaPaths.OtaBase}; older releases kept: {report.OlderBlobs} blob(s), {report.OlderKeyFiles} wrapped key(s).\n");
        text.Append(report.Succeeded ? "The site verified as a device runs it." : $"{report.Problems.Count} problem(s) found.");
        return text.ToString();
    }

    private static Table ManifestTable(IEnumerable<VerifiedChannel> channels, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Channel").AddColumn("Version").AddColumn(new TableColumn("Security").RightAligned())
            .AddColumn(new TableColumn("Sequence").RightAligned()).AddColumn("Issued").AddColumn("Expires").AddColumn("Signed by");
        foreach (var channel in channels)
        {
            var manifest = channel.Manifest;
            table.AddRow(
                Cell(channel.Channel),
                Cell(manifest.Release.Version),
                Cell(manifest.Release.SecurityVersion.ToString(CultureInfo.InvariantCulture)),
                Cell(manifest.Sequence.ToString(CultureInfo.InvariantCulture)),
                Cell(Time(manifest.Issued)),
                Cell($"{Time(manifest.Expires)} ({Left(manifest.Expires, now)})"),
                Cell(string.Join(", ", channel.SignerKeyIds.Select(id => id[..HexPrefix]))));
        }
        return table;
    }

    private static Table ArtifactTable(IEnumerable<VerifiedChannel> channels)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Channel").AddColumn(new TableColumn("Size").RightAligned()).AddColumn(new TableColumn("Image").RightAligned())
            .AddColumn("Image digest").AddColumn("Blob SHA-256").AddColumn("Content key");
        foreach (var channel in channels)
        {
            var release = channel.Manifest.Release;
            table.AddRow(
                Cell(channel.Channel),
                Cell(Bytes(release.FullArtifact.Size)),
                Cell(Bytes(release.ImageSize)),
                Cell(Hex(release.ImageDigest)),
                Cell(Hex(release.FullArtifact.Sha256)),
                Cell(KeyText(channel) + (channel.ArtifactVerified ? "" : "; NOT verified")));
        }
        return table;
    }

    /// <summary>One row per delta patch: its base, its size against the full image, its blob; null when no manifest lists one.</summary>
    private static Table? DeltaTable(IEnumerable<VerifiedChannel> channels)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Channel").AddColumn("Delta from").AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn(new TableColumn("Patch").RightAligned()).AddColumn(new TableColumn("Saved vs full").RightAligned()).AddColumn("Blob SHA-256");
        int rows = 0;
        foreach (var channel in channels)
        {
            var release = channel.Manifest.Release;
            for (int i = 0; i < release.DeltaCount; i++)
            {
                var delta = release.GetDelta(i);
                int saved = release.FullArtifact.Size - delta.Size;
                table.AddRow(
                    Cell(channel.Channel),
                    Cell(delta.BaseVersion),
                    Cell(Bytes(delta.Size)),
                    Cell(Bytes(delta.PlainSize)),
                    Cell($"{Bytes(saved)} ({(100.0 * saved / release.FullArtifact.Size).ToString("0.0", CultureInfo.InvariantCulture)} %)"),
                    Cell(Hex(delta.Sha256)));
                rows++;
            }
        }
        return rows == 0 ? null : table;
    }

    private static string KeysLine(WrappedKeyTally keys)
    {
        var how = new List<string>();
        foreach (var (recipient, count) in keys.UnwrappedBy) how.Add($"{count} unwrapped with the {recipient} (K1-K4)");
        if (keys.FormChecked > 0) how.Add($"{keys.FormChecked} checked for form only (K1)");
        var line = $"Wrapped keys: {keys.Total} checked" + (how.Count > 0 ? ": " + string.Join(", ", how) : "") + ".";
        if (keys.ReleasesWithBuildKey > 0)
            line += $" {keys.ReleasesWithBuildKey} release(s) decrypted with the build's content key (no recipient key unwrapped it).";
        return line;
    }

    private static string KeyText(VerifiedChannel channel) => channel.KeyOrigin switch
    {
        ContentKeyOrigin.Unwrapped => $"unwrapped: {channel.KeyRecipient}",
        ContentKeyOrigin.BuildKey => "build content key",
        _ => "none",
    };

    private static Text Cell(string text) => new(text);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes)[..HexPrefix];

    private static string Bytes(int count) => count.ToString("N0", CultureInfo.InvariantCulture) + " B";

    private static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>"13d 4h left", "5h 12m left", or "EXPIRED".</summary>
    private static string Left(long expires, DateTimeOffset now)
    {
        var left = DateTimeOffset.FromUnixTimeSeconds(expires) - now;
        if (left <= TimeSpan.Zero) return "EXPIRED";
        return left.TotalDays >= 1
            ? $"{(int)left.TotalDays}d {left.Hours}h left"
            : $"{left.Hours}h {left.Minutes}m left";
    }

    private static string RenderToText(Table table) => PlainTextTable.Render(table, Width);
}
