using System.Globalization;

namespace SecureOta.Build.Samples;

/// <summary>
/// Generates firmware-like strings (component tags, error names, log formats). A string's text
/// depends only on its id, so adding strings never changes existing ones.
/// </summary>
internal static class SampleStringGenerator
{
    private const ulong StringSeedFamily = 0x5EC0_07A0_F00D_0002UL;

    public static readonly string[] Tags =
    [
        "wifi", "http", "ota", "nvs", "gpio", "i2c", "spi", "uart", "mqtt", "tls", "dhcp", "sntp",
        "boot", "heap", "event", "timer", "adc", "ble", "pm", "app", "sensor", "prov", "dns", "flash",
    ];

    private static readonly string[] Verbs =
    [
        "open", "read", "write", "connect to", "parse", "allocate", "register", "start", "stop", "verify",
        "erase", "flush", "resolve", "bind", "configure", "initialise", "send", "receive",
    ];

    private static readonly string[] Nouns =
    [
        "socket", "partition", "handle", "buffer", "queue", "certificate", "session", "driver", "channel",
        "descriptor", "timer", "task", "semaphore", "record", "block", "packet", "config", "key",
    ];

    private static readonly string[] Templates =
    [
        "{0}: failed to {1} {2} (err=0x%x)",
        "{0}: {2} %d: cannot {1}, retrying in %d ms",
        "{0}: {1} {2} done in %u us",
        "{0}: invalid {2} state %d while trying to {1}",
        "{0}: out of memory to {1} {2} (%u bytes free)",
        "{0}: {2} '%s' {1} ok",
        "[{0}] {1}: {2} timeout after %d tries",
        "{0}: unexpected {2} length %u, expected %u",
    ];

    /// <summary>The text of string <paramref name="id"/>: a tag, an error name or a log format.</summary>
    public static string Create(int id, StringRole role)
    {
        var random = new SplitMix64(SplitMix64.Derive(StringSeedFamily, id));
        return role switch
        {
            StringRole.Tag => Tags[id % Tags.Length],
            StringRole.ErrorName => string.Create(
                CultureInfo.InvariantCulture,
                $"ESP_ERR_{random.Pick(Nouns).ToUpperInvariant()}_{random.Pick(Verbs).Replace(' ', '_').ToUpperInvariant()}_{id}"),
            _ => string.Format(
                CultureInfo.InvariantCulture,
                random.Pick(Templates),
                random.Pick(Tags),
                random.Pick(Verbs),
                random.Pick(Nouns)),
        };
    }
}
