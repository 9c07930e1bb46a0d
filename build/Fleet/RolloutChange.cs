using SecureOta.Build.Releases;

namespace SecureOta.Build.Fleet;

/// <summary>
/// What a rollout target decided for one channel: the rollout before and after (null: none), and what
/// the maintainer should know about its effect on devices. <see cref="Changed"/> is false when the
/// channel is already as asked (the file is then left alone).
/// </summary>
public sealed record RolloutChange(string Channel, RolloutConfig? Before, RolloutConfig? After, IReadOnlyList<string> Consequences)
{
    public bool Changed => !Equals(Before, After);
}
