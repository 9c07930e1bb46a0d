using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Rotates the content-key secret for releases from <c>--first-release</c> on: appends the new secret's
/// public id to keys/content-secrets.json (creating it with the current secret's id for every earlier
/// release). Earlier releases keep their content keys, blobs and wrapped keys; CI then needs both secrets
/// (SECUREOTA_CONTENT_SECRET="&lt;new&gt; &lt;old&gt;") for as long as those releases are published. No signing key changes.
/// </summary>
[TaskName("RotateContentSecret")]
[TaskDescription("Rotates the content-key secret for releases from --first-release=<version> on (--new-content-secret=<file>; the current one from SECUREOTA_CONTENT_SECRET or --content-secret) in keys/content-secrets.json.")]
public sealed class RotateContentSecretTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var firstText = context.GetArgument("first-release");
        if (firstText is null || !SemVersion.TryParse(firstText, out var first))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--first-release={firstText} is not a version.",
                "Name the first release the new secret applies to, such as --first-release=1.3.0; earlier releases keep their keys.");
        }
        var newFile = context.GetArgument("new-content-secret") ?? throw new BuildException(BuildErrorCode.MissingKey,
            "RotateContentSecret needs --new-content-secret=<file>.", "Make one with ./build.sh --target=NewKey --kind=secret --out=<file outside the repository>.");
        var newId = ContentSecretSchedule.IdOf(KeyFile.Read(Path.GetFullPath(newFile, context.Environment.WorkingDirectory), "new content-key secret"));

        var schedule = ContentSecretSchedule.Load(context.Paths.KeysDir, context.Paths.Display);
        var entries = schedule?.Entries.ToList() ?? [(SemVersion.Parse("0.0.0"), CurrentId(context))];
        if (entries.Any(e => e.Id == newId))
            throw new BuildException(BuildErrorCode.InvalidArgument, $"The content-key secret {newId} is already in keys/{ContentSecretSchedule.FileName}.",
                "Rotate to a new secret: ./build.sh --target=NewKey --kind=secret --out=<file>.");
        if (entries.Any(e => e.FirstRelease >= first))
            throw new BuildException(BuildErrorCode.InvalidArgument, $"keys/{ContentSecretSchedule.FileName} already has a secret from {entries.Max(e => e.FirstRelease)} on.",
                "Rotate for a release after the newest entry, so no published release changes its keys.");
        entries.Add((first, newId));
        ContentSecretSchedule.Write(context.Paths.KeysDir, entries);

        context.Log.Information("Content-key secret {0} derives the keys of releases from {1} on; earlier releases keep theirs ({2}).",
            newId, first, string.Join(", ", entries.SkipLast(1).Select(e => $"{e.Id} from {e.FirstRelease}")));
        context.Log.Information("Next: commit keys/{0}; set SECUREOTA_CONTENT_SECRET to the new secret's base64 line followed by the old ones " +
            "(space-separated) in both signing environments.", ContentSecretSchedule.FileName);
    }

    private static string CurrentId(BuildContext context)
    {
        var current = ContentSecretSource.Read(context.GetArguments(ContentSecretSource.FileArgument),
            context.Environment.GetEnvironmentVariable(ContentSecretSource.EnvironmentVariable));
        return ContentSecretSchedule.IdOf(current[0]);
    }
}
