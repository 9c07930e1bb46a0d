using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.Keys;

/// <summary>
/// The changes a ceremony can make to the next root version, each read from its command-line option
/// and applied to a <see cref="RootDraft"/>; each returns what it changed, in words, for the summary.
/// SignRoot offers them all (for the root, approval and release roles); the named ceremonies (AddReleaseKey, RevokeReleaseKey, RotateRootKeys,
/// ChangePinnedCAs) offer the ones they are about.
/// </summary>
public static class RootChanges
{
    /// <summary>Adds every key given to <c>--<paramref name="argument"/></c> (64 hex or a .pub file) to a role.</summary>
    public static IEnumerable<string> AddKeys(BuildContext context, RootDraft draft, string argument, RootRoleKind role)
    {
        foreach (var value in context.GetArguments(argument))
        {
            var key = CeremonyArguments.PublicKey(context, argument, value);
            if (!draft.Add(role, key)) throw Unchanged(argument, $"key {KeyId.Of(key)} is already in the {Role(role)} role");
            yield return $"added {Role(role)} key {KeyId.Of(key)}";
        }
    }

    /// <summary>Removes every key given to <c>--<paramref name="argument"/></c> (its key id, or a unique prefix of 16+ hex digits) from a role.</summary>
    public static IEnumerable<string> RemoveKeys(BuildContext context, RootDraft draft, string argument, RootRoleKind role)
    {
        foreach (var given in context.GetArguments(argument))
        {
            var keyId = KeyIdPrefix.Resolve(argument, given, draft.KeyIds(role), Role(role));
            if (!draft.Remove(role, keyId)) throw Unchanged(argument, $"key id {keyId} is not in the {Role(role)} role");
            yield return $"removed {Role(role)} key {keyId}";
        }
    }

    /// <summary>Sets a role's threshold from <c>--root-threshold</c>, <c>--approval-threshold</c> or <c>--release-threshold</c> when given.</summary>
    public static IEnumerable<string> Threshold(BuildContext context, RootDraft draft, RootRoleKind role)
    {
        var argument = Role(role) + "-threshold";
        if (!context.HasArgument(argument)) yield break;
        int current = draft.Threshold(role);
        int value = CeremonyArguments.Integer(context, argument, current, 1, 16);
        draft.SetThreshold(role, value);
        yield return $"{Role(role)} threshold {current} -> {value}";
    }

    /// <summary>Replaces the pinned CA set with every *.pem of <c>--tls-anchors=&lt;dir&gt;</c> (or <paramref name="defaultFolder"/> when absent and given).</summary>
    public static IEnumerable<string> Anchors(BuildContext context, RootDraft draft, string? defaultFolder)
    {
        var folder = context.GetArgument("tls-anchors") is { } given
            ? Path.GetFullPath(given, context.Environment.WorkingDirectory)
            : defaultFolder;
        if (folder is null) yield break;
        var anchors = TlsAnchorSet.Load(folder, context.Paths.Display);
        if (anchors.SequenceEqual(draft.TlsAnchors, StringComparer.Ordinal))
        {
            throw Unchanged("tls-anchors", $"the certificates in {context.Paths.Display(folder)} are exactly the pinned set already");
        }

        var before = draft.TlsAnchors;
        draft.TlsAnchors = anchors;
        yield return $"pinned CA set replaced: {before.Count} -> {anchors.Count} certificate(s) from {context.Paths.Display(folder)}";
        foreach (var change in PinnedCaChange.Describe(before, anchors)) yield return "  " + change;
    }

    /// <summary>The role's name in root metadata and in option names ("root", "approval", "release").</summary>
    public static string Role(RootRoleKind role) => role switch
    {
        RootRoleKind.Root => "root",
        RootRoleKind.Approval => "approval",
        _ => "release",
    };

    private static BuildException Unchanged(string argument, string reason) =>
        new(BuildErrorCode.InvalidArgument, $"--{argument}: {reason}.", "Check the key, key id or folder; the dashboard (site/index.html) lists the current root's keys and pinned CAs.");
}
