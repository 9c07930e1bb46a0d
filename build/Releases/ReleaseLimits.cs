using System.Text.RegularExpressions;

namespace SecureOta.Build.Releases;

/// <summary>The bounds every release input is checked against, and why.</summary>
public static partial class ReleaseLimits
{
    /// <summary>The managed application slot on the device's internal flash drive is small; 16 MiB is far beyond any real image.</summary>
    public const long MaxImageBytes = 16L * 1024 * 1024;

    /// <summary>Notes go into the signed manifest the device downloads, so they are kept short.</summary>
    public const int MaxNotesCharacters = 2000;

    /// <summary>A manifest valid for longer than a year would make the freeze-attack window meaningless.</summary>
    public const int MaxManifestLifetimeDays = 365;

    /// <summary>Each delta base costs a patch per release; more than this is not worth the build time.</summary>
    public const int MaxDeltaBaseCount = 16;

    public const string ReleaseFileName = "release.json";

    /// <summary>The release's approval envelope (docs/PROTOCOL.md section 6a), written by the Approve target; never the image.</summary>
    public const string ApprovalFileName = "approval.json";

    public const string ChannelsFileName = "channels.json";

    /// <summary>Channel names become file names on the site (<c>channels/&lt;name&gt;.json</c>) and URL segments.</summary>
    public static bool IsValidChannelName(string name) => ChannelNamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelNamePattern();
}
