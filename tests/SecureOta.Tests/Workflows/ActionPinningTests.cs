using System.Text.RegularExpressions;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// A tag of a third-party action can be moved to other code; a full commit SHA cannot. Every action
/// is pinned by SHA, and a `# vX.Y.Z` comment says which release that SHA is, for humans and updaters
/// (`# vX.Y` for an action whose releases have two parts, as nanoframework/nanobuild's v1.18; never a
/// bare major version, which names a moving tag rather than a release).
/// </summary>
public sealed partial class ActionPinningTests
{
    public static IEnumerable<object[]> Workflows => WorkflowFile.All();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_pinned_by_a_full_commit_sha(string workflow)
    {
        var uses = WorkflowFile.Load(workflow).Uses();

        Assert.NotEmpty(uses);
        Assert.All(uses, reference => Assert.Matches(PinnedReference(), reference));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_pin_names_its_release_in_a_version_comment(string workflow)
    {
        var lines = WorkflowFile.Load(workflow).Text.Split('\n')
            .Where(line => UsesLine().IsMatch(line))
            .ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(PinnedLineWithVersion(), line));
    }

    [Fact]
    public void Each_action_is_pinned_to_one_sha_in_every_workflow()
    {
        var pins = WorkflowFile.All()
            .SelectMany(w => WorkflowFile.Load((string)w[0]).Uses())
            .Select(reference => reference.Split('@'))
            .GroupBy(parts => parts[0], parts => parts[1])
            .ToList();

        Assert.NotEmpty(pins);
        Assert.All(pins, action => Assert.Single(action.Distinct()));
    }

    [Fact]
    public void Pin_pattern_rejects_tags_branches_and_short_shas()
    {
        Assert.DoesNotMatch(PinnedReference(), "actions/checkout@v5");
        Assert.DoesNotMatch(PinnedReference(), "actions/checkout@main");
        Assert.DoesNotMatch(PinnedReference(), "actions/checkout@08c6903");
        Assert.DoesNotMatch(PinnedReference(), "actions/checkout@08C6903CD8C0FDE910A37F88322EDCFB5DD907A8");
        Assert.Matches(PinnedReference(), "actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8");
    }

    [Fact]
    public void Version_comment_pattern_takes_two_or_three_part_releases_but_not_a_major_tag()
    {
        const string Pin = "- uses: nanoframework/nanobuild@a5842b00cfd3079174c1b8d54fc74c3b492203ee  # ";

        Assert.Matches(PinnedLineWithVersion(), Pin + "v1.18");
        Assert.Matches(PinnedLineWithVersion(), Pin + "v3.0.0");
        Assert.DoesNotMatch(PinnedLineWithVersion(), Pin + "v1");
        Assert.DoesNotMatch(PinnedLineWithVersion(), Pin + "main");
    }

    // owner/repo[/path]@<40 lowercase hex>: nothing else, so neither tags nor docker:// references pass.
    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedReference();

    [GeneratedRegex(@"^\s*(-\s+)?uses:")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d+\.\d+(\.\d+)?\s*$")]
    private static partial Regex PinnedLineWithVersion();
}
