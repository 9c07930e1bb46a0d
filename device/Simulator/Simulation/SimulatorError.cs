namespace SecureOta.Device.Simulation;

/// <summary>
/// Why the simulator could not start. The first group are mistakes on the command line or in the files
/// it names (exit code 2); the rest are failures of the simulated device's own storage (exit code 1).
/// </summary>
public enum SimulatorError
{
    /// <summary>An option the simulator does not know, or a stray argument.</summary>
    UnknownOption = 1,

    /// <summary>An option that needs a value was given without one.</summary>
    MissingValue = 2,

    /// <summary>A required option (--site, --ca, --state-dir) is missing.</summary>
    MissingOption = 3,

    /// <summary>An option's value is malformed or out of range.</summary>
    InvalidValue = 4,

    /// <summary>An option that takes one value was given twice.</summary>
    RepeatedOption = 5,

    /// <summary>A file named on the command line does not exist or cannot be read.</summary>
    FileNotFound = 6,

    /// <summary>The --ca file holds no PEM certificate, or one that is not a root CA.</summary>
    InvalidCaFile = 7,

    /// <summary>The --device-key file is not one base64 line holding a 32-byte X25519 private key.</summary>
    InvalidDeviceKeyFile = 8,

    /// <summary>The state folder holds no provisioned device and --root or --image is missing.</summary>
    NotProvisioned = 9,

    /// <summary>Provisioning refused the --root file (not a valid root version 1).</summary>
    InvalidRoot = 10,

    /// <summary>Provisioning refused the --image file (empty, or larger than a slot).</summary>
    InvalidImage = 11,

    /// <summary>The state folder cannot be created, read or written.</summary>
    StateFolderFailed = 12,
}
