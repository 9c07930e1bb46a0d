using System.Globalization;
using System.Net;
using System.Text;

namespace SecureOta.Build.Site;

/// <summary>The dashboard's small HTML vocabulary: every value passes through <see cref="Encode"/>.</summary>
internal static class Html
{
    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <summary>A definition-list row: the term is text, the value already encoded HTML.</summary>
    public static void Term(StringBuilder html, string term, string encodedValue) =>
        html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(encodedValue).Append("</dd>\n");

    public static string Link(string href, string text, bool code = false)
    {
        var label = code ? "<code>" + Encode(text) + "</code>" : Encode(text);
        return "<a href=\"" + Encode(href) + "\">" + label + "</a>";
    }

    public static string Code(string text) => "<code>" + Encode(text) + "</code>";

    public static string Hex(byte[] bytes) => Encode(Convert.ToHexStringLower(bytes));

    /// <summary>A size or count, with thousands separators for reading.</summary>
    public static string Number(long value) => Encode(value.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>An identifier-like number (sequence, version), exactly as the manifest carries it.</summary>
    public static string Integer(long value) => Encode(value.ToString(CultureInfo.InvariantCulture));

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Time(long unixSeconds) => Time(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    /// <summary>
    /// How long until <paramref name="expires"/> as of the build, as encoded HTML: "13 days 23 h", marked
    /// <c>soon</c> under three days and <c>expired</c> once past, so the state is visible without colour too.
    /// </summary>
    public static string TimeLeft(long expires, DateTimeOffset builtAt)
    {
        var left = DateTimeOffset.FromUnixTimeSeconds(expires) - builtAt;
        if (left <= TimeSpan.Zero) return "<strong class=\"expired\">EXPIRED</strong>";
        var text = left.TotalDays >= 1
            ? $"{(int)left.TotalDays} day{((int)left.TotalDays == 1 ? "" : "s")} {left.Hours} h"
            : $"{left.Hours} h {left.Minutes} min";
        return left < TimeSpan.FromDays(3)
            ? "<strong class=\"soon\">" + Encode(text + " (soon)") + "</strong>"
            : Encode(text);
    }

    /// <summary>A share in percent, with one decimal.</summary>
    public static string Percent(double share) => Encode(share.ToString("0.0", CultureInfo.InvariantCulture) + " %");
}
