using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The Diff, Patch and Bench targets, run through the real build program.</summary>
public sealed class DeltaTaskTests
{
    private static TempDirectory RepositoryWithImages(out byte[] oldImage, out byte[] newImage)
    {
        var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");
        oldImage = TestImages.FirmwareLike(20_000, 61);
        newImage = TestImages.FirmwareLike(20_000, 61, insertAt: 9_000, insertWords: 64);
        File.WriteAllBytes(temp.Combine("old.bin"), oldImage);
        File.WriteAllBytes(temp.Combine("new.bin"), newImage);
        return temp;
    }

    [Fact]
    public void Diff_then_Patch_rebuilds_the_new_image()
    {
        using var temp = RepositoryWithImages(out _, out var newImage);

        var diff = BuildProgram.Run(temp.Path, "--target=Diff", "--old=old.bin", "--new=new.bin", "--patch=update.patch");
        var patch = BuildProgram.Run(temp.Path, "--target=Patch", "--old=old.bin", "--patch=update.patch", "--out=out.bin");

        Assert.Equal((int)ExitCode.Success, diff.ExitCode);
        Assert.Equal((int)ExitCode.Success, patch.ExitCode);
        Assert.Contains("as shipped (encrypted, hash-chained)", diff.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Equal(newImage, File.ReadAllBytes(temp.Combine("out.bin")));
        Assert.True(new FileInfo(temp.Combine("update.patch")).Length < newImage.Length / 10);
    }

    [Fact]
    public void Diff_without_an_argument_is_a_command_line_error()
    {
        using var temp = RepositoryWithImages(out _, out _);
        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Diff", "--old=old.bin", "--patch=update.patch");
        Assert.Equal((int)ExitCode.InvalidCommandLine, exitCode);
        Assert.Contains("--new is missing", consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_a_missing_file_fails_naming_it()
    {
        using var temp = RepositoryWithImages(out _, out _);
        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Diff", "--old=nope.bin", "--new=new.bin", "--patch=update.patch");
        Assert.Equal((int)ExitCode.TaskFailed, exitCode);
        Assert.Contains($"error [{BuildErrorCode.FileSystem}]", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("nope.bin does not exist", consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_refuses_a_damaged_patch_and_writes_no_output()
    {
        using var temp = RepositoryWithImages(out _, out _);
        BuildProgram.Run(temp.Path, "--target=Diff", "--old=old.bin", "--new=new.bin", "--patch=update.patch");
        var bytes = File.ReadAllBytes(temp.Combine("update.patch"));
        bytes[PatchFormat.HeaderSize] ^= 0x01;   // the first segment's new length: no longer a whole chunk
        File.WriteAllBytes(temp.Combine("update.patch"), bytes);

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Patch", "--old=old.bin", "--patch=update.patch", "--out=out.bin");

        Assert.Equal((int)ExitCode.TaskFailed, exitCode);
        Assert.Contains($"error [{BuildErrorCode.DeltaPatchFailed}]", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("The device patcher refused", consoles.ErrorText, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("out.bin")));
        Assert.Empty(Directory.GetFiles(temp.Path, "out.bin*"));
    }

    [Fact]
    public void Patch_on_another_base_image_reports_the_base_mismatch()
    {
        using var temp = RepositoryWithImages(out var oldImage, out _);
        BuildProgram.Run(temp.Path, "--target=Diff", "--old=old.bin", "--new=new.bin", "--patch=update.patch");
        File.WriteAllBytes(temp.Combine("other.bin"), oldImage[..^4]);

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Patch", "--old=other.bin", "--patch=update.patch", "--out=out.bin");

        Assert.Equal((int)ExitCode.TaskFailed, exitCode);
        Assert.Contains("BaseMismatch", consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_prints_sizes_times_and_device_cost_for_each_pair()
    {
        using var temp = RepositoryWithImages(out var oldImage, out var newImage);
        Directory.CreateDirectory(temp.Combine("pairs", "demo"));
        File.WriteAllBytes(temp.Combine("pairs", "demo", "v1.bin"), oldImage);
        File.WriteAllBytes(temp.Combine("pairs", "demo", "v2.bin"), newImage);

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Bench", "--pairs=pairs", "--runs=3");

        Assert.Equal((int)ExitCode.Success, exitCode);
        var text = consoles.OutputText;
        foreach (var expected in new[] { "demo", "Ours as shipped", "Ours / bsdiff", "Shipped / bsdiff", "xdelta3 -9 -S djw", "zstd -19 --long --patch-from",
                     "Times are medians of 3 run(s)", "in the same run", "Patcher RAM", "Per-byte path", "Symbols/byte", "Edit positions" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_without_pairs_says_where_to_put_them()
    {
        // A repository one level down in a fresh temp folder, so "../shared" beside it cannot exist
        // whatever the machine keeps next to its temp folders.
        using var temp = new TempDirectory();
        var repository = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        File.WriteAllText(Path.Combine(repository, "SecureOta.slnx"), "<Solution />");
        var (exitCode, consoles) = BuildProgram.Run(repository, "--target=Bench");
        Assert.Equal((int)ExitCode.InvalidCommandLine, exitCode);
        Assert.Contains("There are no firmware pairs to benchmark", consoles.ErrorText, StringComparison.Ordinal);
    }
}
