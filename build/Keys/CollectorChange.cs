using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.Keys;

/// <summary>
/// The ceremony options that set or remove the report collector a root names (docs/PROTOCOL.md section 5):
/// <c>--collector-url=&lt;https://…/&gt;</c>, <c>--collector-key=&lt;X25519 .pub file or 64 hex&gt;</c>,
/// <c>--collector-anchors=&lt;folder of PEM files&gt;</c>, and <c>--remove-collector</c>. A root without a
/// collector needs all three to add one; a root with one takes any of them and keeps the rest.
/// </summary>
public static class CollectorChange
{
    public const string UrlArgument = "collector-url";
    public const string KeyArgument = "collector-key";
    public const string AnchorsArgument = "collector-anchors";
    public const string RemoveArgument = "remove-collector";

    /// <summary>Every option of this change, for a ceremony's list of change options.</summary>
    public static readonly string[] Options = [UrlArgument, KeyArgument, AnchorsArgument, RemoveArgument];

    /// <summary>Applies the collector options given to <paramref name="draft"/>; returns what changed, in words.</summary>
    public static IEnumerable<string> Apply(BuildContext context, RootDraft draft)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(draft);
        bool url = context.HasArgument(UrlArgument), key = context.HasArgument(KeyArgument), anchors = context.HasArgument(AnchorsArgument);
        if (context.HasArgument(RemoveArgument))
        {
            if (url || key || anchors)
                throw Invalid(RemoveArgument, "cannot be combined with --collector-url, --collector-key or --collector-anchors", "Remove the collector, or change it, in one ceremony, not both.");
            if (draft.Collector is null) throw Invalid(RemoveArgument, "the current root names no collector", "Nothing to remove.");
            draft.Collector = null;
            return ["collector removed: devices stop sending reports"];
        }
        if (!url && !key && !anchors) return [];

        var current = draft.Collector;
        if (current is null && !(url && key && anchors))
            throw Invalid(url ? (key ? AnchorsArgument : KeyArgument) : UrlArgument, "is required to add a collector",
                "A new collector needs --collector-url, --collector-key and --collector-anchors together.");

        var changes = new List<string>();
        string newUrl = current?.Url ?? "";
        if (url)
        {
            newUrl = context.GetArgument(UrlArgument) ?? "";
            if (!RootMetadataWriter.IsCollectorUrl(newUrl))
                throw Invalid(UrlArgument, $"'{newUrl}' is not an https:// base URL ending in '/'", "Give the collector's base URL, such as --collector-url=https://collector.example.com/.");
            changes.Add($"collector URL {current?.Url ?? "(none)"} -> {newUrl}");
        }
        byte[] newKey = current?.Key ?? [];
        if (key)
        {
            newKey = CeremonyArguments.PublicKey(context, KeyArgument, context.GetArgument(KeyArgument) ?? "");
            changes.Add($"collector key {(current is null ? "(none)" : Convert.ToHexStringLower(current.Key)[..16])} -> {Convert.ToHexStringLower(newKey)[..16]} (X25519)");
        }
        IReadOnlyList<string> newAnchors = current?.TlsAnchors ?? [];
        if (anchors)
        {
            var folder = Path.GetFullPath(context.GetArgument(AnchorsArgument) ?? "", context.Environment.WorkingDirectory);
            newAnchors = TlsAnchorSet.Load(folder, context.Paths.Display);
            changes.Add($"collector CA set: {current?.TlsAnchors.Count ?? 0} -> {newAnchors.Count} certificate(s) from {context.Paths.Display(folder)}");
            foreach (var change in PinnedCaChange.Describe(current?.TlsAnchors ?? [], newAnchors)) changes.Add("  " + change);
        }
        var next = new RootCollector(newUrl, newKey, newAnchors);
        if (current is not null && current.Url == next.Url && current.Key.AsSpan().SequenceEqual(next.Key) && current.TlsAnchors.SequenceEqual(next.TlsAnchors, StringComparer.Ordinal))
            throw Invalid(url ? UrlArgument : key ? KeyArgument : AnchorsArgument, "the root already names exactly this collector", "Give a different URL, key or CA set.");
        draft.Collector = next;
        return changes;
    }

    private static BuildException Invalid(string argument, string reason, string fix) =>
        new(BuildErrorCode.InvalidArgument, $"--{argument}: {reason}.", fix);
}
