using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureOta.Build.Keys;

/// <summary>
/// Writes <c>keys/recipients.json</c> in its canonical form: one recipient per line, in the order
/// given, members in a fixed order. So adding or removing a device is a one-line change in review, and
/// a group membership change touches only that device's line.
/// </summary>
public static class RecipientFileWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static byte[] Write(IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var text = new StringBuilder("{\n  \"recipients\": [");
        for (int i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            text.Append(i == 0 ? "\n" : ",\n").Append("    {\"name\": ").Append(Quote(recipient.Name))
                .Append(", \"kind\": ").Append(Quote(recipient.KindName))
                .Append(", \"publicKey\": ").Append(Quote(Convert.ToHexStringLower(recipient.PublicKey)));
            if (recipient.Groups.Count > 0)
            {
                text.Append(", \"groups\": [").Append(string.Join(", ", recipient.Groups.Select(Quote))).Append(']');
            }

            text.Append('}');
        }

        text.Append(recipients.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value, Encoder).ToString() + "\"";
}
