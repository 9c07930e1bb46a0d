using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Simulation;

/// <summary>
/// First use of a state folder: the device is provisioned from the given root version 1 and first image
/// (DeviceProvisioner writes root.1.json, slot A, then the write-once state.factory). A provisioned
/// folder is used as it is; provisioning inputs given again are ignored, and said so.
/// </summary>
internal static class DeviceProvisioning
{
    public static void EnsureProvisioned(SimulatorSettings settings, IFileStore files, IHmacSha256 hmac, ISlotStore slots, Action<string> say)
    {
        if (files.Exists(BootStateStore.FactoryName))
        {
            if (settings.ProvisionRoot is not null || settings.ProvisionImageFile is not null)
                say("provision: the device is already provisioned; --root, --image and --security-version are ignored");
            return;
        }
        if (settings.ProvisionRoot is null || settings.ProvisionImageFile is null)
        {
            string missing = settings.ProvisionRoot is null && settings.ProvisionImageFile is null ? "--root and --image"
                : settings.ProvisionRoot is null ? "--root" : "--image";
            throw new SimulatorException(SimulatorError.NotProvisioned, $"The state folder {settings.StateDir} holds no provisioned device and {missing} {(missing.Contains(' ', StringComparison.Ordinal) ? "are" : "is")} missing.",
                "Provision it on first use: give --root <root metadata v1> and --image <first image> (and --security-version <n>).");
        }

        string? problem;
        ProvisionOutcome outcome;
        using (var image = OpenImage(settings.ProvisionImageFile))
        {
            outcome = new DeviceProvisioner(files, hmac, slots).Provision(settings.ProvisionRoot, image, settings.ProvisionSecurityVersion, out problem);
        }
        switch (outcome)
        {
            case ProvisionOutcome.Provisioned:
                break;
            case ProvisionOutcome.AlreadyProvisioned:
                // Another process provisioned the folder between the check above and now: use it as it is.
                say("provision: " + problem);
                return;
            case ProvisionOutcome.RootInvalid:
                throw new SimulatorException(SimulatorError.InvalidRoot, $"--root is not a usable root version 1: {problem}",
                    "Give the signed root metadata version 1 the site's roots chain starts from (keys/root/1.json, or roots/1.json on the site).");
            default:
                throw new SimulatorException(SimulatorError.InvalidImage, $"--image {settings.ProvisionImageFile} cannot be provisioned: {problem}",
                    "Give a non-empty image that fits a slot (" + settings.SlotCapacity + " bytes).");
        }

        RootVerifier.TryLoadTrusted(settings.ProvisionRoot, out var root, out _);
        var state = new BootState();
        new BootStateStore(files, hmac).Load(state);
        var app = InstalledApp.Read(slots, SlotId.A, state.Image(SlotId.A));
        say($"provision: root v{root.Version} ({root.TlsAnchorCount} pinned CA(s), expires {DateTimeOffset.FromUnixTimeSeconds(root.Expires):yyyy-MM-dd}), " +
            $"slot A <- {Path.GetFileName(settings.ProvisionImageFile)}: {app}");
    }

    private static FileStream OpenImage(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorException(SimulatorError.FileNotFound, $"--image {path} cannot be read: {e.Message}", "Check the path and its permissions.", e);
        }
    }
}
