using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;
using static SecureOta.Build.Site.Html;

namespace SecureOta.Build.Site;

/// <summary>
/// The dashboard's trust section: the newest root's version and expiry, its two roles (threshold, key
/// ids, and the release keys' public keys for checking a signature by hand) and the pinned CAs.
/// </summary>
internal static class DashboardTrust
{
    public static void Append(StringBuilder html, TrustedRoot root, int publishedVersions, DateTimeOffset builtAt)
    {
        html.Append("<section id=\"trust\">\n<h2>Trust</h2>\n<dl>\n");
        Term(html, "Root version", Integer(root.Version) + " (" + Link(SiteLayout.RootFile, SiteLayout.RootFile) + "; versions 1 to "
            + Integer(publishedVersions) + " under <code>" + Encode(SiteLayout.OtaBase) + "roots/</code>)");
        Term(html, "Root expires", Encode(Time(root.Expires)));
        Term(html, "Root time left", TimeLeft(root.Expires, builtAt));
        Term(html, "Root keys", Role(root.RootRole, withPublicKeys: false));
        Term(html, "Release keys", Role(root.ReleaseRole, withPublicKeys: true));
        html.Append("</dl>\n<h3>Pinned certificate authorities</h3>\n")
            .Append("<p class=\"muted\">Devices trust only these root CAs for the site's TLS certificate; the signatures, not TLS, are the security boundary.</p>\n")
            .Append("<div class=\"scroll\"><table class=\"pins\">\n<thead><tr><th>Subject</th><th>Valid until</th><th>SHA-256 fingerprint</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < root.TlsAnchorCount; i++)
        {
            AppendAnchor(html, root.GetTlsAnchor(i));
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static string Role(SigningRole role, bool withPublicKeys)
    {
        var text = new StringBuilder(Number(role.Threshold)).Append(" of ").Append(Number(role.KeyCount)).Append(" must sign:<ul class=\"keys\">");
        for (int i = 0; i < role.KeyCount; i++)
        {
            text.Append("<li>key id <code>").Append(Encode(role.GetKeyId(i))).Append("</code>");
            if (withPublicKeys) text.Append("<br>public key <code>").Append(Hex(role.GetPublicKey(i))).Append("</code>");
            text.Append("</li>");
        }

        return text.Append("</ul>").ToString();
    }

    /// <summary>The CA's subject, expiry and fingerprint; root metadata was verified, so each anchor is a PEM certificate.</summary>
    private static void AppendAnchor(StringBuilder html, string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            html.Append("<tr><td>").Append(Encode(certificate.Subject)).Append("</td><td>").Append(Encode(Time(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()))))
                .Append("</td><td>").Append(Code(Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)))).Append("</td></tr>\n");
        }
        catch (CryptographicException)
        {
            html.Append("<tr><td colspan=\"3\">(a certificate that does not parse)</td></tr>\n");
        }
    }
}
