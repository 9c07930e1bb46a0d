namespace SecureOta.Build.Releases;

/// <summary>
/// Reads <c>releases/channels.json</c>:
/// <c>{"channels": {"stable": {"manifestLifetimeDays": 14, "deltaBaseCount": 3, "rollout": {...}, "rolloutPolicy": {...}}, ...}}</c>
/// (the optional rollout is read by <see cref="RolloutConfigReader"/>, the optional policy by <see cref="RolloutGatePolicyReader"/>).
/// </summary>
internal static class ChannelsFileReader
{
    private static readonly string[] RootProperties = ["channels"];
    private static readonly string[] ChannelProperties = ["manifestLifetimeDays", "deltaBaseCount", "rollout", "rolloutPolicy"];

    public static ChannelsFile Read(string path, ProblemCollector problems)
    {
        var report = problems.For(path);
        var unreadable = new ChannelsFile(path, [], new HashSet<string>(), Readable: false);
        if (!File.Exists(path))
        {
            report("is missing; it declares the channels releases may name");
            return unreadable;
        }

        using var document = StrictJsonFile.Parse(path, report);
        var channels = document is null ? null : StrictJsonObject.From(document.RootElement, "$", RootProperties, report)
            ?.RequiredObject("channels", knownNames: null);
        if (channels is null)
        {
            return unreadable;
        }

        if (channels.Names.Count == 0)
        {
            report("$.channels: declares no channel; at least one is needed");
        }

        var valid = new List<ChannelConfig>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in channels.Names)
        {
            declared.Add(name);
            var channelPath = channels.PathOf(name);
            if (!ReleaseLimits.IsValidChannelName(name))
            {
                report($"{channelPath}: channel name '{name}' is invalid; use 1 to 32 of a-z, 0-9 and '-'");
            }

            var settings = StrictJsonObject.From(channels.Get(name, required: true)!.Value, channelPath, ChannelProperties, report);
            var lifetime = settings?.RequiredInt32("manifestLifetimeDays", 1, ReleaseLimits.MaxManifestLifetimeDays);
            var deltaBases = settings?.RequiredInt32("deltaBaseCount", 0, ReleaseLimits.MaxDeltaBaseCount);
            var rolloutValid = RolloutConfigReader.TryRead(settings, report, out var rollout);
            var policyValid = RolloutGatePolicyReader.TryRead(settings, report, out var policy);
            if (lifetime is { } days && deltaBases is { } count && rolloutValid && policyValid && ReleaseLimits.IsValidChannelName(name))
            {
                valid.Add(new ChannelConfig(name, days, count, rollout, policy));
            }
        }

        return new ChannelsFile(path, valid, declared, Readable: true);
    }
}
