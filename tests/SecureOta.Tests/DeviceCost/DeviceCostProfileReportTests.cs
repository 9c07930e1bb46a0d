using SecureOta.Build.DeviceCost;

namespace SecureOta.Tests.DeviceCost;

/// <summary>--profile lists each profiled step's top methods; without it the report is the table alone.</summary>
public sealed class DeviceCostProfileReportTests
{
    private static readonly DeviceCostStep Profiled = new("delta patch apply alone: x", 1000, 10, 0, 100, "note")
    {
        Methods = [new MethodCost("CopyRunDecoder.Run", 700), new MethodCost("BitReader.Refill", 200), new MethodCost("HuffmanTables.Build", 100)],
    };

    [Fact]
    public void A_profile_lists_the_top_methods_of_each_profiled_step_with_their_share()
    {
        var text = DeviceCostReport.Render([Profiled], [], profileMethods: 2);

        Assert.Contains("Profile: delta patch apply alone: x (1,000 IL), top 2 methods", text, StringComparison.Ordinal);
        Assert.Matches(@"CopyRunDecoder\.Run +700 +70\.0 %", text);
        Assert.Matches(@"BitReader\.Refill +200 +20\.0 %", text);
        Assert.DoesNotContain("HuffmanTables.Build", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_profile_the_report_lists_no_methods()
    {
        var text = DeviceCostReport.Render([Profiled], []);

        Assert.DoesNotContain("Profile:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CopyRunDecoder.Run", text, StringComparison.Ordinal);
    }
}
