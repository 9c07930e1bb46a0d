namespace SecureOta.Device.Host.Http;

/// <summary>Why a server certificate was refused by <see cref="PinnedCertificateValidator"/>.</summary>
public enum PinCheckFailure
{
    /// <summary>The certificate is trusted: it chains to a pinned CA and names the host.</summary>
    None = 0,

    /// <summary>The server presented no certificate.</summary>
    NoCertificate,

    /// <summary>The chain does not end at a pinned CA (another CA, or a missing intermediate).</summary>
    OutsidePinnedSet,

    /// <summary>A certificate in the chain is expired or not yet valid.</summary>
    NotTimeValid,

    /// <summary>The chain reaches a pinned CA but is otherwise invalid (bad signature, usage, constraints).</summary>
    InvalidChain,

    /// <summary>The certificate does not name the host the transport connected to.</summary>
    NameMismatch,
}
