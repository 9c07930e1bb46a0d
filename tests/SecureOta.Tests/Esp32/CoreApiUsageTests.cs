using SecureOta.Tests.Subset;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The ESP32 projects are not compiled here, so a change to the portable core's API would break them
/// silently; this binds them against the core as it is now and fails on every use of a core (or
/// ESP32) type that no longer fits. The check is itself tested on snippets that misuse the core.
/// </summary>
public sealed class CoreApiUsageTests
{
    [Fact]
    public void Esp32_sources_use_the_core_api_as_it_is()
    {
        var problems = CoreApiUsage.Problems(DeviceSources.Semantic().Concat(DeviceSources.SyntaxOnly()));

        Assert.True(problems.Count == 0, "ESP32 code out of step with the core:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("new SecureOta.Device.Core.Update.DevicePlatform(null, null, null, null, null, null)", "DevicePlatform")]
    [InlineData("new SecureOta.Device.Core.Boot.BootManager(null, null, null, 3).ConfirmNow()", "ConfirmNow")]
    [InlineData("SecureOta.Device.Core.Update.UpdateResult.Installed", "Installed")]
    public void Flags_a_call_the_core_no_longer_offers(string expression, string expected)
    {
        var snippet = ("Snippet.cs", "using nanoFramework.Unknown; namespace N { public class C { public object M() { " +
            "var unresolvable = new SomeNanoFrameworkType(); return " + expression + "; } } }");

        var problems = CoreApiUsage.Problems(DeviceSources.Semantic().Append(snippet));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("SomeNanoFrameworkType", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_a_seam_that_no_longer_implements_its_interface()
    {
        var snippet = ("Snippet.cs", "namespace N { public sealed class Clock : SecureOta.Device.Core.Platform.IClock { public long UtcNow { get { return 0; } } } }");

        var problems = CoreApiUsage.Problems(DeviceSources.Semantic().Append(snippet));

        Assert.Contains(problems, p => p.Contains("IClock.UtcNowSeconds", StringComparison.Ordinal));
    }
}
