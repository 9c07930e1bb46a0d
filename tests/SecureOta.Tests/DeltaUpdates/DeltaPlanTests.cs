using SecureOta.Tests.Fleet.Support;
using SiteFiles = SecureOta.Tests.Pipeline.SiteFiles;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// Which patches a deploy publishes: a patch not smaller than the full image and a base with the target's
/// own image are left out, a channel's deltaBaseCount of 0 publishes full images only, and a halted
/// channel gets patches to its pinned release from the releases before it.
/// </summary>
public sealed class DeltaPlanTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>"1.2.0 from 1.1.0, 1.0.0": the manifest's release and the base of each patch, in order.</summary>
    private string Manifest(string channel)
    {
        var release = SiteFiles.Manifest(_workspace.SiteDir, channel).GetProperty("release");
        var bases = release.GetProperty("artifacts").EnumerateArray().Skip(1).Select(a => a.GetProperty("baseVersion").GetString()!).ToArray();
        return release.GetProperty("version").GetString() + " from " + string.Join(", ", bases);
    }

    [Fact]
    public void A_patch_not_smaller_than_the_full_image_is_not_published()
    {
        // Random bytes do not compress: a patch to them costs more than the image with its header and coding.
        string image = Path.Combine(_workspace.ReleasesDir, "1.2.0", "firmware.bin");
        File.WriteAllBytes(image, System.Security.Cryptography.RandomNumberGenerator.GetBytes((int)new FileInfo(image).Length));

        var run = _workspace.Run().AssertSucceeded();

        Assert.Equal("1.2.0 from ", Manifest("stable"));
        Assert.Equal("1.2.0 from ", Manifest("beta"));
        Assert.Matches(@"No patch 1\.0\.0 -> 1\.2\.0: its [\d,]+-byte artifact is not smaller than the [\d,]+-byte full image\.", run.Consoles.OutputText);
        Assert.Contains("No patch 1.1.0 -> 1.2.0: its ", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("Made 0 delta patch(es).", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_with_delta_base_count_0_publishes_the_full_image_only()
    {
        string text = _workspace.ChannelsText;
        int beta = text.IndexOf("\"beta\"", StringComparison.Ordinal);
        File.WriteAllText(_workspace.ChannelsFile, text[..beta] + text[beta..].Replace("\"deltaBaseCount\": 3", "\"deltaBaseCount\": 0", StringComparison.Ordinal));

        _workspace.Run().AssertSucceeded();

        Assert.Equal("1.2.0 from ", Manifest("beta"));
        Assert.Equal("1.2.0 from 1.1.0, 1.0.0", Manifest("stable"));
    }

    [Fact]
    public void A_halted_channel_gets_patches_to_its_pinned_release_from_the_releases_before_it()
    {
        _workspace.Run("--target=Halt", "--channel=stable").AssertSucceeded();

        _workspace.Run().AssertSucceeded();

        Assert.Equal("1.1.0 from 1.0.0", Manifest("stable"));
        Assert.Equal("1.2.0 from 1.1.0", Manifest("beta"));
    }

    [Fact]
    public void A_halt_ships_a_patch_from_the_withdrawn_release_back_to_the_pinned_one()
    {
        _workspace.AddRelease("1.3.0", 2, "stable");
        var image = Path.Combine(_workspace.ReleasesDir, "1.3.0", "firmware.bin");
        var bytes = File.ReadAllBytes(image);
        for (int i = 4096; i < 4096 + 64; i++) bytes[i] ^= 0x5a;
        File.WriteAllBytes(image, bytes);
        _workspace.Run("--target=Halt", "--channel=stable").AssertSucceeded();

        _workspace.Run().AssertSucceeded();

        Assert.Equal("1.2.0 from 1.3.0, 1.1.0, 1.0.0", Manifest("stable"));
    }

    [Fact]
    public void A_base_whose_image_is_the_targets_own_gets_no_patch()
    {
        _workspace.AddRelease("1.3.0", 2, "stable");

        var run = _workspace.Run().AssertSucceeded();

        Assert.Equal("1.3.0 from 1.1.0, 1.0.0", Manifest("stable"));
        Assert.Contains("No patch 1.2.0 -> 1.3.0: its image is the same as the release's.", run.Consoles.OutputText, StringComparison.Ordinal);
    }
}
