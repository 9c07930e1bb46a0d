namespace SecureOta.Build.Samples;

/// <summary>Builds the demo firmware images: deterministic, ESP32-shaped, changing between versions like real firmware.</summary>
public static class SampleFirmware
{
    /// <summary>Load address of the descriptor segment (DROM).</summary>
    public const uint DescriptorBase = 0x3F400020;

    /// <summary>Load address of the initialised RAM segment (DRAM).</summary>
    public const uint RamBase = 0x3FFB0000;

    /// <summary>The project name in the app descriptor that marks an image as a generated sample (<see cref="SampleImageMark"/>).</summary>
    public const string SampleProjectName = SampleAppDescriptor.ProjectName;

    /// <param name="release">Which sample version.</param>
    /// <param name="projectName">
    /// The app descriptor's project name: the sample mark by default. Test fixtures that stand for a
    /// maintainer's own firmware give another name of the same length, so the images stay byte-for-byte
    /// as realistic (same sizes, same differences) without being refused as samples.
    /// </param>
    public static byte[] Build(SampleRelease release, string projectName = SampleProjectName)
    {
        ArgumentNullException.ThrowIfNull(release);
        var program = SampleProgramHistory.Create(release);
        var flash = SampleLinker.Link(program);
        return Esp32ImageWriter.Write(
            SampleLinker.FlashBase,
            [
                (DescriptorBase, SampleAppDescriptor.Create(program, flash, projectName)),
                (RamBase, program.InitialRam),
                (SampleLinker.FlashBase, flash),
            ]);
    }
}
