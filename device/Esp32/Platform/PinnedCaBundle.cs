using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// Turns concatenated PEM CA certificates into the one X509Certificate that HttpsAuthentCert takes,
    /// for the site's pins and the collector's alike.
    /// </summary>
    internal static class PinnedCaBundle
    {
        /// <summary>Parses the bundle; mbedTLS's parse failures propagate to the caller, which never leaves requests unpinned.</summary>
        internal static X509Certificate Parse(StringBuilder bundle)
        {
            byte[] text = Encoding.UTF8.GetBytes(bundle.ToString());
            // mbedtls_x509_crt_parse reads PEM only up to a terminating NUL, which the byte[]
            // constructor (unlike the string one) does not add.
            byte[] pem = new byte[text.Length + 1];
            Array.Copy(text, 0, pem, 0, text.Length);
            return new X509Certificate(pem);
        }
    }
}
