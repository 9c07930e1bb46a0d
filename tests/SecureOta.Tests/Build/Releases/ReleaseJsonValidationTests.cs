using static SecureOta.Tests.Build.Releases.ReleaseTree;

namespace SecureOta.Tests.Build.Releases;

/// <summary>One test per way a release.json or channels.json can be wrong; each names the file and the problem.</summary>
public sealed class ReleaseJsonValidationTests
{
    private const string File100 = "releases/1.0.0/release.json";

    [Fact]
    public void Malformed_json_is_reported_with_line_and_position()
    {
        using var tree = new ReleaseTree().Add("1.0.0", "{\n  \"version\": \"1.0.0\",,\n}");

        AssertProblem(tree.Problems(), File100, "malformed JSON at line 2, position 22");
    }

    [Fact]
    public void Trailing_comma_and_comments_are_malformed()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0").TrimEnd('}') + ",}").Add("1.1.0", "// note\n" + ReleaseJson("1.1.0"));

        var problems = tree.Problems();

        AssertProblem(problems, File100, "malformed JSON");
        AssertProblem(problems, "releases/1.1.0/release.json", "malformed JSON at line 1, position 1");
    }

    [Fact]
    public void Invalid_utf8_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0");
        File.WriteAllBytes(tree.PathOf("1.0.0", "release.json"), [(byte)'{', 0xC3, 0x28, (byte)'}']);

        AssertProblem(tree.Problems(), File100, "not valid UTF-8");
    }

    [Fact]
    public void Missing_required_field_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0", """{"version": "1.0.0", "channels": ["stable"], "image": {"include": ["*.bin"]}}""");

        AssertProblem(tree.Problems(), File100, "$: missing required property 'securityVersion'");
    }

    [Theory]
    [InlineData("\"2\"", "$.securityVersion: must be a whole number from 0 to 4294967295, not the string \"2\"")]
    [InlineData("-1", "$.securityVersion: must be a whole number from 0 to 4294967295, not the number -1")]
    [InlineData("4294967296", "not the number 4294967296")]
    [InlineData("1.5", "not the number 1.5")]
    [InlineData("1e2", "not the number 1e2")]
    public void Security_version_that_is_not_a_uint32_is_reported(string value, string expected)
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", securityVersion: value));

        AssertProblem(tree.Problems(), File100, expected);
    }

    [Fact]
    public void Mistyped_fields_are_each_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", channels: "\"stable\"", notes: "42", include: "[\"*.bin\", 7]"));

        var problems = tree.Problems();

        AssertProblem(problems, File100, "$.channels: must be an array of strings, not the string \"stable\"");
        AssertProblem(problems, File100, "$.notes: must be a string, not the number 42");
        AssertProblem(problems, File100, "$.image.include[1]: must be a string, not the number 7");
    }

    [Fact]
    public void Unknown_property_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", extra: ", \"sha256\": \"abc\""));

        AssertProblem(tree.Problems(), File100, "$: unknown property 'sha256'");
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0").Replace("\"notes\"", "\"Notes\"", StringComparison.Ordinal));

        AssertProblem(tree.Problems(), File100, "$: unknown property 'Notes'");
    }

    [Fact]
    public void Duplicate_property_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", extra: ", \"securityVersion\": 9"));

        AssertProblem(tree.Problems(), File100, "$: property 'securityVersion' appears more than once");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-rc.01")]
    public void Version_that_is_not_semver_is_reported(string version)
    {
        using var tree = new ReleaseTree().Add(version, ReleaseJson(version));

        AssertProblem(tree.Problems(), $"releases/{version}/release.json", $"$.version: \"{version}\" is not a SemVer 2.0.0 version");
    }

    [Fact]
    public void Folder_name_that_differs_from_the_version_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.1", ReleaseJson("1.0.0"));

        AssertProblem(tree.Problems(), "releases/1.0.1/release.json", "differs from the folder name \"1.0.1\"");
    }

    [Fact]
    public void Notes_over_2000_characters_are_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", notes: "\"" + new string('n', 2001) + "\""));

        AssertProblem(tree.Problems(), File100, "$.notes: is 2001 characters, over the limit of 2000");
    }

    [Fact]
    public void Notes_of_exactly_2000_characters_and_absent_notes_are_accepted()
    {
        using var tree = new ReleaseTree()
            .Add("1.0.0", ReleaseJson("1.0.0", notes: "\"" + new string('\u00e9', 2000) + "\""))
            .Add("1.1.0", """{"version": "1.1.0", "securityVersion": 1, "channels": ["stable"], "image": {"include": ["*.bin"]}}""");

        var releases = tree.Load();

        Assert.Equal(2000, releases.Releases[0].Notes.Length);
        Assert.Equal(string.Empty, releases.Releases[1].Notes);
    }

    [Theory]
    [InlineData("[\"Stable\"]", "$.channels[0]: channel name \"Stable\" is invalid")]
    [InlineData("[\"\"]", "$.channels[0]: channel name \"\" is invalid")]
    [InlineData("[\"a-very-long-channel-name-over-32-c\"]", "is invalid")]
    [InlineData("[\"stable\", \"stable\"]", "$.channels[1]: channel \"stable\" is listed twice")]
    [InlineData("[]", "$.channels: lists no channel")]
    public void Invalid_channel_list_is_reported(string channels, string expected)
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", channels: channels));

        AssertProblem(tree.Problems(), File100, expected);
    }

    [Fact]
    public void Channel_not_declared_in_channels_json_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", channels: "[\"stable\", \"nightly\"]"));

        AssertProblem(tree.Problems(), File100, "$.channels: channel \"nightly\" is not declared in channels.json");
    }

    [Fact]
    public void Missing_channels_json_is_reported()
    {
        using var tree = new ReleaseTree(channels: null).Add("1.0.0");

        AssertProblem(tree.Problems(), "releases/channels.json", "is missing");
    }

    [Theory]
    [InlineData("""{"channels": {"Beta!": {"manifestLifetimeDays": 7, "deltaBaseCount": 1}}}""", "$.channels.Beta!: channel name 'Beta!' is invalid")]
    [InlineData("""{"channels": {"stable": {"manifestLifetimeDays": 0, "deltaBaseCount": 1}}}""", "$.channels.stable.manifestLifetimeDays: must be a whole number from 1 to 365, not the number 0")]
    [InlineData("""{"channels": {"stable": {"manifestLifetimeDays": 7, "deltaBaseCount": 17}}}""", "$.channels.stable.deltaBaseCount: must be a whole number from 0 to 16")]
    [InlineData("""{"channels": {"stable": {"manifestLifetimeDays": 7}}}""", "$.channels.stable: missing required property 'deltaBaseCount'")]
    [InlineData("""{"channels": {"stable": {"manifestLifetimeDays": 7, "deltaBaseCount": 1, "schedule": 5}}}""", "$.channels.stable: unknown property 'schedule'")]
    [InlineData("""{"channels": {"stable": {"manifestLifetimeDays": 7, "deltaBaseCount": 1}, "stable": {"manifestLifetimeDays": 7, "deltaBaseCount": 1}}}""", "$.channels: property 'stable' appears more than once")]
    [InlineData("""{"channels": {}}""", "$.channels: declares no channel")]
    [InlineData("""{"stable": {}}""", "$: unknown property 'stable'")]
    public void Invalid_channels_json_is_reported(string channels, string expected)
    {
        using var tree = new ReleaseTree(channels);

        AssertProblem(tree.Problems(), "releases/channels.json", expected);
    }

    [Fact]
    public void Channel_declared_with_bad_settings_is_not_also_reported_as_undeclared()
    {
        using var tree = new ReleaseTree("""{"channels": {"stable": {"manifestLifetimeDays": 0, "deltaBaseCount": 1}}}""").Add("1.0.0");

        var problem = Assert.Single(tree.Problems());

        Assert.Equal("releases/channels.json", problem.File);
    }
}
