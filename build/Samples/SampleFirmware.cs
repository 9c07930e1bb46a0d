namespace SecureOta.Build.Samples;

/// <summary>Builds the demo firmware images: deterministic, ESP32-shaped, changing between versions like real firmware.</summary>
public static class SampleFirmware
{
    /// <summary>Load address of the descriptor segment (DROM).</summary>
    public const uint DescriptorBase = 0x3F400020;

    /// <summary>Load address of the initialised RAM segment (DRAM).</summary>
    public const uint RamBase = 0x3FFB0000;

    public static byte[] Build(SampleRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var program = SampleProgramHistory.Create(release);
        var flash = SampleLinker.Link(program);
        return Esp32ImageWriter.Write(
            SampleLinker.FlashBase,
            [
                (DescriptorBase, SampleAppDescriptor.Create(program, flash)),
                (RamBase, program.InitialRam),
                (SampleLinker.FlashBase, flash),
            ]);
    }
}
