namespace SecureOta.Build.Publishing;

/// <summary>The DSSE payload types of docs/PROTOCOL.md section 4.</summary>
public static class PayloadTypes
{
    /// <summary>Root metadata (section 5).</summary>
    public const string Root = "application/vnd.secureota.root+json";

    /// <summary>Channel manifest (section 6).</summary>
    public const string Channel = "application/vnd.secureota.channel+json";

    /// <summary>Release approval (section 6a), signed offline by the root's approval role.</summary>
    public const string Approval = "application/vnd.secureota.approval+json";
}
