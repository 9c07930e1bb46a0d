using SecureOta.Device.Core.Boot;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>Assertions that a device did not install anything.</summary>
public static class DeviceAssert
{
    /// <summary>
    /// The device still runs the factory image from slot A, confirmed, with the provisioned security
    /// version and root, no trial scheduled and no reboot requested.
    /// </summary>
    public static void RunsFactoryImage(TestDevice device, byte[] factoryImage, long securityVersion = 1, long rootVersion = 1)
    {
        BootState state = device.State();
        Assert.Equal(SlotId.A, state.ActiveSlot);
        Assert.True(state.Confirmed);
        Assert.Equal(SlotId.None, state.TrialSlot);
        Assert.False(state.IsTrialInProgress);
        Assert.Equal(securityVersion, state.InstalledSecurityVersion);
        Assert.Equal(rootVersion, state.TrustedRootVersion);
        Assert.Equal(0, device.Rebooter.Reboots);
        Assert.Equal(factoryImage, device.SlotBytes(SlotId.A));
        BootDecision decision = device.Boot();
        Assert.Equal(BootOutcome.RunConfirmed, decision.Outcome);
        Assert.Equal(SlotId.A, decision.Slot);
    }
}
