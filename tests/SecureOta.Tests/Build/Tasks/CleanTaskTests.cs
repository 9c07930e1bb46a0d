using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Tasks;

public sealed class CleanTaskTests
{
    [Fact]
    public void Deletes_site_staging_folders_but_keeps_the_site_and_inputs()
    {
        using var temp = Repository();

        var (exitCode, _) = BuildProgram.Run(temp.Path, "--target=Clean");

        Assert.Equal((int)ExitCode.Success, exitCode);
        Assert.False(Directory.Exists(temp.Combine("site.tmp-1a2b")));
        Assert.False(Directory.Exists(temp.Combine("site.tmp-3c4d")));
        Assert.True(File.Exists(temp.Combine("site", "index.html")));
        Assert.True(File.Exists(temp.Combine("releases", "channels.json")));
        Assert.True(Directory.Exists(temp.Combine("sitemap")));
    }

    [Fact]
    public void All_also_deletes_the_site()
    {
        using var temp = Repository();

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Clean", "--all");

        Assert.Equal((int)ExitCode.Success, exitCode);
        Assert.False(Directory.Exists(temp.Combine("site")));
        Assert.True(File.Exists(temp.Combine("releases", "channels.json")));
        Assert.Contains("Deleted site", consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_so_when_there_is_nothing_to_clean()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Clean");

        Assert.Equal((int)ExitCode.Success, exitCode);
        Assert.Contains("Nothing to clean", consoles.OutputText, StringComparison.Ordinal);
    }

    private static TempDirectory Repository()
    {
        var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");
        foreach (var folder in new[] { "site", "site.tmp-1a2b", "site.tmp-3c4d", "releases", "sitemap" })
        {
            Directory.CreateDirectory(temp.Combine(folder));
        }

        File.WriteAllText(temp.Combine("site", "index.html"), "<html></html>");
        File.WriteAllText(temp.Combine("site.tmp-1a2b", "partial.json"), "{}");
        File.WriteAllText(temp.Combine("releases", "channels.json"), "{}");
        return temp;
    }
}
