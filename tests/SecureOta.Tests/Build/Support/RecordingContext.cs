using SecureOta.Build.Frosting;

namespace SecureOta.Tests.Build.Support;

/// <summary>A build context that records what the test tasks did, in order.</summary>
public sealed class RecordingContext : FrostingContext
{
    public RecordingContext(IFrostingContext context)
        : base(context)
    {
    }

    public List<string> Events { get; } = [];
}
