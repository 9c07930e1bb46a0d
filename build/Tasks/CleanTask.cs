using SecureOta.Build.Context;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Deletes what the build itself leaves behind: the site staging folders of builds that did not
/// finish, and with <c>--all</c> the site folder too. Never inputs, keys or compiler output.
/// </summary>
[TaskName("Clean")]
[TaskDescription("Deletes leftover site staging folders (site.tmp-*); with --all also the generated site/.")]
public sealed class CleanTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var all = context.GetFlag("all");
        var targets = context.Paths.FindSiteStagingDirs().ToList();
        if (all && Directory.Exists(context.Paths.SiteDir))
        {
            targets.Add(context.Paths.SiteDir);
        }

        foreach (var target in targets)
        {
            Delete(target, context.Paths);
            context.Log.Information("Deleted {0}", context.Paths.Display(target));
        }

        if (targets.Count == 0)
        {
            context.Log.Information(all ? "Nothing to clean." : "Nothing to clean (site/ is kept; pass --all to delete it too).");
        }
    }

    private static void Delete(string path, BuildPaths paths)
    {
        try
        {
            // A staging "folder" that is a symbolic link is removed as a link: its target is not ours.
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null)
            {
                info.Delete();
            }
            else
            {
                info.Delete(recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(
                BuildErrorCode.FileSystem,
                $"Could not delete {paths.Display(path)}: {exception.Message}",
                "Close programs using files in it (a local web server, an editor) and run Clean again.",
                exception);
        }
    }
}
