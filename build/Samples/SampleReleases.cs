namespace SecureOta.Build.Samples;

/// <summary>The demo releases and channels that GenerateSamples writes under samples/releases/.</summary>
public static class SampleReleases
{
    /// <summary>Oldest first; each version's image is derived from the previous one's program.</summary>
    public static IReadOnlyList<SampleRelease> All { get; } =
    [
        new("1.0.0", 1, ["stable"],
            "First release: Wi-Fi provisioning, MQTT telemetry and signed over-the-air updates.",
            "Jan 15 2025", "10:12:45"),
        new("1.1.0", 1, ["stable", "beta"],
            "Adds a BLE provisioning fallback and more diagnostic messages; fixes a Wi-Fi reconnect loop.",
            "Mar  3 2025", "16:40:02"),
        new("1.2.0", 2, ["stable", "beta"],
            "Security update: removes the legacy debug console and recalibrates the sensor table. "
            + "Devices will not accept earlier releases after installing it.",
            "May 20 2025", "09:05:31"),
    ];

    /// <summary>The channels.json entries: name, manifest lifetime in days, delta base count.</summary>
    public static IReadOnlyList<(string Name, int ManifestLifetimeDays, int DeltaBaseCount)> Channels { get; } =
    [
        ("stable", 14, 3),
        ("beta", 7, 3),
    ];
}
