namespace SecureOta.Device.Host.Http;

/// <summary>The verdict on one server certificate: trusted, or a typed failure with a message for people.</summary>
public sealed class PinCheckResult
{
    private PinCheckResult(PinCheckFailure failure, string message)
    {
        Failure = failure;
        Message = message;
    }

    public static PinCheckResult Trusted { get; } = new(PinCheckFailure.None, "trusted: chains to a pinned CA and names the host");

    public PinCheckFailure Failure { get; }

    public string Message { get; }

    public bool IsTrusted => Failure == PinCheckFailure.None;

    public static PinCheckResult Refused(PinCheckFailure failure, string message)
    {
        if (failure == PinCheckFailure.None) throw new ArgumentOutOfRangeException(nameof(failure), "A refusal needs a reason.");
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new PinCheckResult(failure, message);
    }
}
