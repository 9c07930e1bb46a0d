using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureOta.Build.Verification;

/// <summary>
/// The paths of docs/PROTOCOL.md section 1 as devices name them, relative to the OTA base
/// (<see cref="OtaBase"/>, the site writer's own constant).
/// </summary>
public static partial class OtaPaths
{
    /// <summary>The OTA base inside the site folder; every protocol path is relative to it.</summary>
    public const string OtaBase = Site.SiteLayout.OtaBase;

    public const string RootFile = "root.json";
    public const string RootsFolder = "roots/";
    public const string ChannelsFolder = "channels/";
    public const string BlobsFolder = "blobs/";
    public const string KeysFolder = "keys/";
    public const string JsonExtension = ".json";

    /// <summary><c>roots/&lt;N&gt;.json</c>, N decimal without leading zeros.</summary>
    public static string RootVersionFile(long version) =>
        RootsFolder + version.ToString(CultureInfo.InvariantCulture) + JsonExtension;

    /// <summary><c>channels/&lt;channel&gt;.json</c>.</summary>
    public static string ChannelFile(string channel) => ChannelsFolder + channel + JsonExtension;

    /// <summary>True for 64 lowercase hex digits: a blob name or a recipient id.</summary>
    public static bool IsDigestName(string name) => DigestName().IsMatch(name);

    [GeneratedRegex("^[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigestName();
}
