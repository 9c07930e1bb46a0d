using SecureOta.Build.Releases;

namespace SecureOta.Tests.Build.Releases;

public sealed class SemVersionTests
{
    [Fact]
    public void Precedence_follows_the_SemVer_specification_example()
    {
        string[] ascending =
        [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
        ];
        var versions = ascending.Select(SemVersion.Parse).ToArray();

        for (var i = 0; i < versions.Length; i++)
        {
            for (var j = 0; j < versions.Length; j++)
            {
                Assert.Equal(Math.Sign(i.CompareTo(j)), Math.Sign(versions[i].CompareTo(versions[j])));
            }
        }

        Assert.Equal(ascending, versions.Reverse().Order().Select(v => v.ToString()));
    }

    [Fact]
    public void Numeric_parts_compare_as_numbers_not_text()
    {
        Assert.True(SemVersion.Parse("1.10.0") > SemVersion.Parse("1.9.0"));
        Assert.True(SemVersion.Parse("1.0.0-rc.10") > SemVersion.Parse("1.0.0-rc.9"));
        Assert.True(SemVersion.Parse("1.0.0-rc.100000000000000000000") > SemVersion.Parse("1.0.0-rc.99999999999999999999"));
    }

    [Fact]
    public void Numeric_identifiers_come_before_alphanumeric_ones()
    {
        Assert.True(SemVersion.Parse("1.0.0-1") < SemVersion.Parse("1.0.0-a"));
        Assert.True(SemVersion.Parse("1.0.0-999") < SemVersion.Parse("1.0.0-1a"));
    }

    [Fact]
    public void Build_metadata_does_not_count_for_precedence_but_does_for_equality()
    {
        var a = SemVersion.Parse("1.0.0+build.1");
        var b = SemVersion.Parse("1.0.0+build.2");

        Assert.Equal(0, a.CompareTo(b));
        Assert.NotEqual(a, b);
        Assert.Equal(SemVersion.Parse("1.0.0+build.1"), a);
        Assert.Equal(["build", "1"], a.Build);
    }

    [Fact]
    public void Parses_every_part()
    {
        var version = SemVersion.Parse("10.20.30-rc.1.x-y+exp.sha.5114f85");

        Assert.Equal((10UL, 20UL, 30UL), (version.Major, version.Minor, version.Patch));
        Assert.Equal(["rc", "1", "x-y"], version.Prerelease);
        Assert.True(version.IsPrerelease);
        Assert.Equal("10.20.30-rc.1.x-y+exp.sha.5114f85", version.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("v1.2.3")]
    [InlineData("01.2.3")]
    [InlineData("1.02.3")]
    [InlineData("1.2.03")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-a..b")]
    [InlineData("1.2.3-a_b")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3+a+b")]
    [InlineData(" 1.2.3")]
    [InlineData("1.2.3 ")]
    [InlineData("-1.2.3")]
    [InlineData("18446744073709551616.0.0")]
    public void Rejects_text_that_is_not_SemVer(string text)
    {
        Assert.False(SemVersion.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SemVersion.Parse(text));
    }

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.3-0")]
    [InlineData("1.2.3-0a")]
    [InlineData("1.2.3+001")]
    [InlineData("1.2.3--")]
    [InlineData("18446744073709551615.0.0")]
    public void Accepts_edge_cases_the_specification_allows(string text)
    {
        Assert.True(SemVersion.TryParse(text, out var version));
        Assert.Equal(text, version.ToString());
    }
}
