using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureOta.Build.Verification;

/// <summary>The file layout of docs/PROTOCOL.md section 1, under the site's OTA base <c>ota/v1/</c>.</summary>
public static partial class SiteLayout
{
    /// <summary>The OTA base inside the site folder; every protocol path is relative to it.</summary>
    public const string OtaBase = "ota/v1/";

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
