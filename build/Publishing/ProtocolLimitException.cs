namespace SecureOta.Build.Publishing;

/// <summary>
/// Thrown when a document the build was asked to write breaks a rule or limit of docs/PROTOCOL.md, so
/// devices would reject it. <see cref="Member"/> names the offending member (for example
/// <c>release.artifacts[2].size</c>) so the maintainer can find it in the release input.
/// </summary>
public sealed class ProtocolLimitException : ArgumentException
{
    public ProtocolLimitException(string member, string message)
        : base(member + ": " + message)
    {
        Member = member;
    }

    /// <summary>The JSON path of the member that breaks the rule.</summary>
    public string Member { get; }
}
