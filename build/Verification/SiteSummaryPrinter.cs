using System.Globalization;
using System.Text;
using Spectre.Console;

namespace SecureOta.Build.Verification;

/// <summary>
/// The short summary the Verify task prints: a table of the verified channels, then the root and the
/// wrapped keys. Rendered with Spectre.Console to plain text, so it goes through the build log and
/// follows its verbosity.
/// </summary>
public static class SiteSummaryPrinter
{
    private const int HexPrefix = 16;

    public static string Render(SiteVerificationReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Channel").AddColumn("Release").AddColumn(new TableColumn("Security").RightAligned())
            .AddColumn(new TableColumn("Sequence").RightAligned()).AddColumn("Issued").AddColumn("Expires")
            .AddColumn(new TableColumn("Artifact").RightAligned()).AddColumn("Image digest").AddColumn("Blob SHA-256")
            .AddColumn("Signed by").AddColumn("Content key");
        foreach (var channel in report.Channels.OrderBy(c => c.Channel, StringComparer.Ordinal))
        {
            var manifest = channel.Manifest;
            var release = manifest.Release;
            var full = release.FullArtifact;
            table.AddRow(
                Cell(channel.Channel),
                Cell(release.Version),
                Cell(release.SecurityVersion.ToString(CultureInfo.InvariantCulture)),
                Cell(manifest.Sequence.ToString(CultureInfo.InvariantCulture)),
                Cell(Time(manifest.Issued)),
                Cell($"{Time(manifest.Expires)} ({Left(manifest.Expires, now)})"),
                Cell($"{Bytes(full.Size)} ({Bytes(full.PlainSize)} plain)"),
                Cell(Hex(release.ImageDigest)),
                Cell(Hex(full.Sha256)),
                Cell(string.Join(", ", channel.SignerKeyIds.Select(id => id[..HexPrefix]))),
                Cell(KeyText(channel) + (channel.ArtifactVerified ? "" : "; artifact NOT verified")));
        }

        var text = new StringBuilder();
        text.Append(RenderToText(table));
        if (report.Channels.Count == 0) text.Append("No channel manifest verified.\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Root version {report.RootVersion} (roots/1.json to roots/{report.PublishedRootVersions}.json published), " +
            $"expires {Time(report.RootExpires)} ({Left(report.RootExpires, now)}).\n");
        text.Append(KeysLine(report.Keys)).Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"{report.FilesChecked} file(s) under {SiteLayout.OtaBase}; older releases kept: {report.OlderBlobs} blob(s), {report.OlderKeyFiles} wrapped key(s).\n");
        text.Append(report.Succeeded ? "The site verified as a device runs it." : $"{report.Problems.Count} problem(s) found.");
        return text.ToString();
    }

    private static string KeysLine(WrappedKeyTally keys)
    {
        var how = new List<string>();
        foreach (var (recipient, count) in keys.UnwrappedBy) how.Add($"{count} unwrapped with the {recipient} (K1-K4)");
        if (keys.FormChecked > 0) how.Add($"{keys.FormChecked} checked for form only (K1; no private key for their recipient)");
        var line = $"Wrapped keys: {keys.Total} checked" + (how.Count > 0 ? ": " + string.Join(", ", how) : "") + ".";
        if (keys.ReleasesWithBuildKey > 0)
            line += $" {keys.ReleasesWithBuildKey} release(s) decrypted with the build's content key instead of an unwrapped one.";
        return line;
    }

    private static string KeyText(VerifiedChannel channel) => channel.KeyOrigin switch
    {
        ContentKeyOrigin.Unwrapped => $"unwrapped with {channel.KeyRecipient}",
        ContentKeyOrigin.BuildKey => "build content key",
        _ => "none",
    };

    private static Text Cell(string text) => new(text);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes)[..HexPrefix];

    private static string Bytes(int count) => count.ToString("N0", CultureInfo.InvariantCulture) + " B";

    private static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"13d 4h left", "5h 12m left", or "EXPIRED".</summary>
    private static string Left(long expires, DateTimeOffset now)
    {
        var left = DateTimeOffset.FromUnixTimeSeconds(expires) - now;
        if (left <= TimeSpan.Zero) return "EXPIRED";
        return left.TotalDays >= 1
            ? $"{(int)left.TotalDays}d {left.Hours}h left"
            : $"{left.Hours}h {left.Minutes}m left";
    }

    private static string RenderToText(Table table)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        console.Write(table);
        return writer.ToString();
    }
}
