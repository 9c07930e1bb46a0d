namespace SecureOta.Build.Gate;

/// <summary>A collector summary (or a published gate record) that is not what the contract says; the message names the member.</summary>
public sealed class SummaryFormatException : Exception
{
    public SummaryFormatException(string message)
        : base(message)
    {
    }

    public SummaryFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
