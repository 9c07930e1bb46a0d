using System.Text;
using static SecureOta.Build.Site.Html;

namespace SecureOta.Build.Site;

/// <summary>
/// "How to verify a release by hand": the shell steps (curl, jq, base64, openssl 3, sha256sum) that
/// check a channel manifest's signature over DSSE's PAE with a release key listed above, and a blob's
/// name, size and digest against the manifest, without trusting this page or the build.
/// </summary>
internal static class DashboardVerifyGuide
{
    /// <summary>DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): prepend it to the 32-byte key for openssl.</summary>
    public const string Ed25519SpkiPrefix = "302a300506032b6570032100";

    public static void Append(StringBuilder html, string exampleChannel)
    {
        var channel = Encode(exampleChannel);
        html.Append("<section id=\"verify\">\n<h2>How to verify a release by hand</h2>\n")
            .Append("<p>You need <code>curl</code>, <code>jq</code>, <code>base64</code>, <code>xxd</code>, OpenSSL 3 and <code>sha256sum</code>. ")
            .Append("Set <code>SITE</code> to this site's address (the folder holding this page).</p>\n<ol>\n")
            .Append("<li>Fetch the channel manifest and decode its payload:<pre>curl -fsS \"$SITE/").Append(Encode(SiteLayout.OtaBase)).Append("channels/")
            .Append(channel).Append(".json\" -o manifest.json\njq -r .payload manifest.json | base64 -d &gt; payload.json\njq . payload.json</pre></li>\n")
            .Append("<li>Rebuild what was signed, DSSE's pre-authentication encoding (PAE):<pre>type=$(jq -r .payloadType manifest.json)\n")
            .Append("printf 'DSSEv1 %d %s %d ' \"${#type}\" \"$type\" \"$(stat -c %s payload.json)\" &gt; pae.bin\ncat payload.json &gt;&gt; pae.bin</pre></li>\n")
            .Append("<li>Check the signature with a release key's public key from the Trust section (and its key id against <code>.signatures[0].keyid</code>):")
            .Append("<pre>key=&lt;release public key, 64 hex&gt;\njq -r '.signatures[0].keyid' manifest.json\n")
            .Append("printf %s \"$key\" | xxd -r -p | sha256sum   # must print that key id\n")
            .Append("jq -r '.signatures[0].sig' manifest.json | base64 -d &gt; sig.bin\n")
            .Append("printf '").Append(Ed25519SpkiPrefix).Append("%s' \"$key\" | xxd -r -p &gt; key.der\n")
            .Append("openssl pkeyutl -verify -pubin -inkey key.der -keyform DER -rawin -in pae.bin -sigfile sig.bin</pre>")
            .Append("OpenSSL prints <code>Signature Verified Successfully</code>. Check too that <code>expires</code> in payload.json is in the future.</li>\n")
            .Append("<li>Check the image blob against the signed manifest: its file name, <code>sha256</code> and <code>size</code>:<pre>blob=$(jq -r '.release.artifacts[] | select(.kind == \"full\") | .path' payload.json)\n")
            .Append("curl -fsS \"$SITE/").Append(Encode(SiteLayout.OtaBase)).Append("$blob\" -o blob.bin\nsha256sum blob.bin; stat -c %s blob.bin\n")
            .Append("jq -r '.release.artifacts[] | select(.kind == \"full\") | \"\\(.sha256) \\(.size)\"' payload.json</pre></li>\n")
            .Append("<li>The release keys are only as good as the root that lists them: a device trusts root version 1 as provisioned and each later ")
            .Append("<code>roots/&lt;N&gt;.json</code> only when a threshold of the previous version's root keys signed it. ")
            .Append("<code>./build.sh --target=Verify --site-dir=&lt;a downloaded copy of the site&gt;</code> runs every check of a device on a whole site.</li>\n")
            .Append("</ol>\n<p class=\"muted\">The image itself is encrypted; only registered devices can unwrap its content key.</p>\n</section>\n");
    }
}
