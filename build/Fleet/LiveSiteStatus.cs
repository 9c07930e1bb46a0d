namespace SecureOta.Build.Fleet;

/// <summary>The outcome of one check of the live site.</summary>
public enum LiveSiteStatus
{
    /// <summary>Devices accept it and it is not close to expiring.</summary>
    Ok,

    /// <summary>Devices accept it now, but it expires within the warning window.</summary>
    ExpiresSoon,

    /// <summary>Devices refuse it now (or cannot fetch it).</summary>
    Failed,
}
