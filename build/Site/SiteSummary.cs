using SecureOta.Build.Context;

namespace SecureOta.Build.Site;

/// <summary>The one-line result of the Default and Release targets.</summary>
public static class SiteSummary
{
    public static void Print(BuildContext context)
    {
        var channels = context.SignedChannels;
        context.Log.Information("Site ready in {0} ({1} keys): {2}.",
            context.Paths.Display(context.Paths.SiteDir),
            context.Keys.IsDemo ? "DEMO" : "release",
            channels.Count == 0 ? "no channel has a release" : string.Join(", ", channels.Select(c => $"{c.Channel} {c.Release.Version}")));
    }
}
