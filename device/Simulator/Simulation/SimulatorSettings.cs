using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host.Http;

namespace SecureOta.Device.Simulation;

/// <summary>
/// Everything one simulated device run needs: where the site is and which CAs the device was
/// provisioned to trust, its state folder (its flash drive), what to provision it with on first use,
/// its key, its channel and how its application behaves. <see cref="SimulatorArguments"/> makes one
/// from a command line; the Demo target and tests make them directly.
/// </summary>
public sealed class SimulatorSettings
{
    /// <summary>A slot of the simulated device holds up to this many bytes unless chosen (the ESP32's 4 MiB flash, generously).</summary>
    public const long DefaultSlotCapacity = 4L * 1024 * 1024;

    /// <summary>The site's OTA base URL (…/ota/v2/), https.</summary>
    public required Uri SiteUrl { get; init; }

    /// <summary>
    /// The PEM root CAs the device was provisioned to trust (--ca): its pin set until it loads its trusted
    /// root, whose tlsAnchors replace them (and those of every newer root after a rotation).
    /// </summary>
    public required IReadOnlyList<string> ProvisionedCaPems { get; init; }

    /// <summary>
    /// PEM CAs trusted for this run only (--extra-ca), in addition to whatever the device pins (provisioned
    /// or the root's): so a maintainer can stage a real-keys site behind a local TEST CA, which a real root
    /// never pins. Also trusted for the report collector the root names (docs/PROTOCOL.md section 11d), so a
    /// local TEST collector can stand in. Never stored in the state folder; a real device has no such option.
    /// </summary>
    public IReadOnlyList<string> ExtraCaPems { get; init; } = [];

    /// <summary>The folder standing in for the device's flash drive (boot state, slots, trusted roots, device key).</summary>
    public required string StateDir { get; init; }

    /// <summary>The channel the device follows.</summary>
    public string Channel { get; init; } = "stable";

    /// <summary>Root version 1 envelope to provision with; needed only when <see cref="StateDir"/> is not provisioned yet.</summary>
    public byte[]? ProvisionRoot { get; init; }

    /// <summary>The first application image to provision into slot A; needed only with <see cref="ProvisionRoot"/>.</summary>
    public string? ProvisionImageFile { get; init; }

    /// <summary>Security version of the provisioned image's release.</summary>
    public long ProvisionSecurityVersion { get; init; }

    /// <summary>
    /// The device's X25519 recipient private key (32 bytes, from --device-key); null to generate one at first
    /// boot and keep it in the state folder, as a real device does.
    /// </summary>
    public byte[]? DeviceKey { get; init; }

    /// <summary>Where <see cref="DeviceKey"/> came from, for messages (a file name); null when it is null.</summary>
    public string? DeviceKeySource { get; init; }

    /// <summary>What the simulated application does on a trial boot.</summary>
    public SimulatedAppBehaviour App { get; init; } = SimulatedAppBehaviour.ConfirmsAfterHealthCheck;

    /// <summary>Polls to run (0: provision and boot only); null polls until the device is settled (a poll that needs no reboot).</summary>
    public int? Polls { get; init; }

    /// <summary>Pause between two polls on the same boot.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Boots a trial image gets to confirm before the loader reverts it.</summary>
    public int MaxTrialBoots { get; init; } = BootManager.DefaultMaxTrialBoots;

    /// <summary>Largest image a slot holds.</summary>
    public long SlotCapacity { get; init; } = DefaultSlotCapacity;

    /// <summary>The device's clock; null for the host's clock (as SNTP would set it).</summary>
    public IClock? Clock { get; init; }

    /// <summary>Transport timeouts; null for the device defaults.</summary>
    public PinnedHttpsTransportOptions? TransportOptions { get; init; }
}
