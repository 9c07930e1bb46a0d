namespace SecureOta.Device.Host.Storage;

/// <summary>
/// The simulated power failed (<see cref="PowerCutFileStore"/>). Deliberately not an IOException: the
/// device core handles storage errors, but nothing handles a power cut; execution simply stops.
/// </summary>
public sealed class PowerCutException : Exception
{
    public PowerCutException(string message) : base(message) { }
}
